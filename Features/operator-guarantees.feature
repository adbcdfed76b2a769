@operator-guarantees
Feature: What the bot guarantees its operator
  The promises an operator relies on when something goes wrong. A crash loses no fill and sends no
  hedge twice. A closed market delays hedges until it opens. Refused credentials stop the hedging
  until the broker accepts them again. A broker that keeps failing is left alone for a while. A chain
  event that cannot be read, or a fill of nothing, is set aside with its reason and the bot goes on.
  Schwab's access token is renewed before it runs out, so hedges never wait for a sign-in.

  Rule: a crash in the middle of a batch of fills counts every fill once and sends one hedge per exposure

    @restart
    Scenario: The bot crashes while the hedges of a batch are on their way to the broker
      Given the bot hedges with the dry-run broker
      And the execution threshold is 1 share
      And the bot will crash right after the broker has received 2 hedges
      And 3 rounds of these fills are waiting in the event queue:
        | token | side | quantity |
        | tAAPL | sell | 1        |
        | tMSFT | buy  | 2.5      |
        | tNVDA | sell | 1.2      |
      When the bot processes the event queue and crashes
      Then the broker received these orders, in any order:
        | side | shares | symbol |
        | buy  | 1      | AAPL   |
        | sell | 2.5    | MSFT   |
      # The hedge the bot was sending when it died is looked up at the broker once its 3 minutes are up.
      When the bot restarts
      And the bot processes the event queue
      And 3 minutes pass
      And the broker fills every hedge
      Then the event log has 9 OnChainTrade Filled events
      And the event log has 9 Position OnChainOrderFilled events
      And the AAPL position has net 0 and accumulated short 3
      And the MSFT position has accumulated long 7.5 and accumulated short 0
      And the MSFT position is flat
      And the NVDA position has net 0 and accumulated short 3.6
      And the broker received these orders, in any order:
        | side | shares | symbol |
        | buy  | 1      | AAPL   |
        | sell | 2.5    | MSFT   |
        | buy  | 3.6    | NVDA   |
        | buy  | 2      | AAPL   |
        | sell | 5      | MSFT   |
      And no order reached the broker twice

  @http-broker
  Rule: while the market is closed hedges wait, and they are placed when it opens

    Scenario Outline: A fill after the close is hedged at <broker> when the market opens the next morning
      Given the bot hedges with the <broker> broker
      And it is 17:30 in New York
      When the bot sells 3 tAAPL on-chain
      Then no broker order is pending for AAPL
      And the AAPL position has net -3
      When it is 09:29 in New York
      And the position checker runs
      Then the broker received no order
      When it is 09:30 in New York
      And the position checker runs
      Then the broker received one order, to buy 3 AAPL
      And a broker order to buy 3 AAPL is pending
      When the broker fills the pending order
      Then the AAPL position is flat

      Examples: the brokers that read the market's hours
        | broker |
        | Alpaca |
        | Schwab |

  @http-broker
  Rule: when the broker refuses the bot's credentials, the bot stops placing hedges until the broker accepts them again

    Background:
      Given the bot hedges with the Alpaca broker

    Scenario: Hedging resumes once the operator's fixed key is accepted
      Given the broker refuses the bot's API key
      When the bot sells 1.2 tAAPL on-chain
      Then the bot holds its hedges because the broker refuses its credentials
      And no broker order is pending for AAPL
      And the AAPL position has net -1.2
      When the position checker runs
      Then the bot has checked its broker account 1 time
      And the broker received 0 order requests
      And the bot holds its hedges because the broker refuses its credentials
      When the broker accepts the bot's API key again
      And the position checker runs
      Then the bot has checked its broker account 2 times
      And the bot no longer reports its credentials refused
      And the broker received one order, to buy 1.2 AAPL
      And a broker order to buy 1.2 AAPL is pending
      When the broker fills the pending order
      Then the AAPL position is flat

  @http-broker
  Rule: after 5 failed calls in a row the bot leaves the broker alone for 30 seconds, then tries one call

    Background:
      Given the bot hedges with the Alpaca broker

    Scenario: The circuit breaker opens after 5 failures and closes when the broker answers after its break
      Given the broker cannot be reached
      And the bot has sold 1.2 tAAPL on-chain
      When the position checker runs 4 times
      Then the bot has tried to reach the broker 5 times
      When the position checker runs 3 times
      Then the bot has tried to reach the broker 5 times
      When the broker can be reached again
      And 29 seconds pass
      And the position checker runs
      Then the bot has tried to reach the broker 5 times
      And no broker order is pending for AAPL
      When 1 second passes
      And the position checker runs
      Then the broker received one order, to buy 1.2 AAPL
      And a broker order to buy 1.2 AAPL is pending
      When the broker fills the pending order
      Then the AAPL position is flat

  Rule: a chain event the bot cannot read becomes a dead letter with its reason, and the bot goes on

    Background:
      Given the bot hedges with the dry-run broker
      And the execution threshold is 1 share

    Scenario: An unreadable chain event is set aside and the fill after it is hedged
      Given the chain reports the event 0xbad1 #0, which cannot be read
      And the chain reports the event 0xabc2 #0 selling 1.2 tAAPL
      When the bot processes the event queue
      Then the on-chain event 0xbad1 #0 is a dead letter with the reason "event_data: Field 'amount' is missing or null."
      And the event log has 1 OnChainTrade Filled event
      And the AAPL position has net -1.2 and accumulated short 1.2
      And the broker received one order, to buy 1.2 AAPL

  Rule: a fill of zero shares is refused

    Background:
      Given the bot hedges with the dry-run broker
      And the execution threshold is 1 share

    Scenario: A fill of 0 tAAPL is refused with its reason and changes no position
      Given the chain reports the event 0xabc1 #0 selling 0 tAAPL
      And the chain reports the event 0xabc2 #0 selling 1.2 tAAPL
      When the bot processes the event queue
      Then the on-chain event 0xabc1 #0 is a dead letter with the reason "amount: must be greater than 0, was 0"
      And the event log has 1 OnChainTrade Filled event
      And the AAPL position has net -1.2 and accumulated short 1.2
      And the broker received one order, to buy 1.2 AAPL

  @http-broker
  Rule: Schwab's access token is renewed by the token upkeep before it expires, so hedges never wait for a sign-in

    Background:
      Given the bot hedges with the Schwab broker

    Scenario: Every 25 minutes the token upkeep renews the 30-minute access token and orders keep flowing
      Given the bot has sold 2 tAAPL on-chain
      When the broker fills the pending order
      And 25 minutes pass
      And the token upkeep runs
      Then the bot signed in to Schwab 2 times
      When 25 minutes pass
      And the token upkeep runs
      And 5 minutes pass
      And the bot sells 3 tAAPL on-chain
      Then the bot signed in to Schwab 3 times
      And a broker order to buy 3 AAPL is pending
      When the broker fills the pending order
      Then the AAPL position is flat
