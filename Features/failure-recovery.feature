@failure-recovery
Feature: Recovering from broker failures
  Brokers reject orders, report failures, go quiet and come back. Whatever happens,
  the position stays correct, no fill is lost, and the bot hedges again once the
  broker works: a failed order releases the position, and the position checker,
  which runs every 60 seconds, hedges every position that is over its threshold
  and has no order pending.

  Background:
    Given the bot hedges with the dry-run broker
    And the execution threshold is 1 share

  Rule: a failed order leaves the position unhedged until the position checker retries

    @smoke
    Scenario: The broker reports a submitted order as failed and the checker hedges again
      Given the bot has sold 0.5 tAAPL on-chain
      And the bot has sold 0.7 tAAPL on-chain
      And the broker has accepted the order to buy 1.2 AAPL
      When the broker reports the order failed
      Then no broker order is pending for AAPL
      And the AAPL position has net -1.2
      When the position checker runs
      Then a broker order to buy 1.2 AAPL is pending
      And the broker has accepted the order
      When the broker reports the order filled at $100.00
      Then the AAPL position is flat
      And the event log reads:
        | aggregate     | event               |
        | Position      | Initialized         |
        | Position      | OnChainOrderFilled  |
        | OnChainTrade  | Filled              |
        | Position      | OnChainOrderFilled  |
        | OnChainTrade  | Filled              |
        | Position      | OffChainOrderPlaced |
        | OffchainOrder | Placed              |
        | OffchainOrder | Submitted           |
        | OffchainOrder | Failed              |
        | Position      | OffChainOrderFailed |
        | Position      | OffChainOrderPlaced |
        | OffchainOrder | Placed              |
        | OffchainOrder | Submitted           |
        | OffchainOrder | Filled              |
        | Position      | OffChainOrderFilled |

    Scenario: The broker rejects the order when it is placed and the retry succeeds
      Given the broker will reject the next order with "insufficient buying power"
      When the bot sells 1.2 tAAPL on-chain
      Then the last AAPL broker order failed with "insufficient buying power"
      And no broker order is pending for AAPL
      When the position checker runs
      Then the broker has accepted the order
      When the broker reports the order filled at $100.00
      Then the AAPL position is flat
      And the last AAPL broker order went through Placed, Submitted, Filled

    Scenario: Hedges refused during a broker outage are placed once the broker recovers
      Given the broker rejects every order with "Broker unavailable"
      When the bot sells 1.2 tAAPL on-chain
      Then the last AAPL broker order failed with "Broker unavailable"
      When the broker recovers
      And the broker fills every hedge
      Then the AAPL position is flat
      And the last AAPL broker order went through Placed, Submitted, Filled

    Scenario: The checker leaves alone positions that are pending or below the threshold
      Given the bot has sold 0.4 tMSFT on-chain
      And a broker order to buy 1.2 AAPL is pending
      When the position checker runs
      Then exactly 1 broker order has been placed for AAPL
      And no broker order is pending for MSFT

  Rule: stuck orders and held locks expire

    Scenario: An order that is never submitted is failed after 10 minutes
      Given the broker never answers
      And the bot has sold 1.2 tAAPL on-chain
      When 11 minutes pass
      And the stale-order cleanup runs
      Then the last AAPL broker order failed with "stale"
      And no broker order is pending for AAPL

    Scenario: An order failed as stale that reached the broker after all is credited when it fills
      Given the broker never answers
      And the bot has sold 1.2 tAAPL on-chain
      When 11 minutes pass
      And the stale-order cleanup runs
      Then the last AAPL broker order failed with "stale"
      When the broker turns out to have filled the lost AAPL order at $100.00
      Then the AAPL position is flat
      And the last AAPL broker order went through Placed, Failed, LateFillRecorded

    Scenario: A symbol lock left by a crashed worker expires after 15 minutes
      Given a worker took the AAPL lock and crashed
      When the bot sells 1.2 tAAPL on-chain
      Then no broker order is pending for AAPL
      When 16 minutes pass
      And the position checker runs
      Then a broker order to buy 1.2 AAPL is pending

    Scenario: A crashed worker's symbol lock blocks hedging for the full 15 minutes
      Given a worker took the AAPL lock and crashed
      And the bot has sold 1.2 tAAPL on-chain
      When 14 minutes pass
      And the position checker runs
      Then no broker order is pending for AAPL
      And the broker received no order
      When 1 minute passes
      And the position checker runs
      Then no broker order is pending for AAPL
      And the broker received no order
      When 1 minute passes
      And the position checker runs
      Then a broker order to buy 1.2 AAPL is pending
      And the broker received one order, to buy 1.2 AAPL

  @http-broker
  Rule: the broker's HTTP failures never lose an order or a fill

    Background:
      Given the bot hedges with the Alpaca broker
      And the last AAPL price is $100.00

    Scenario: A rate-limited order is placed after the Retry-After delay
      Given the broker answers the next order with 429 and Retry-After 2 seconds
      When the bot sells 1.2 tAAPL on-chain
      Then the broker received 2 order requests
      And a broker order to buy 1.2 AAPL is pending

    Scenario Outline: A <failure> while placing the order fails it with a clear reason
      Given the broker answers every order with <failure>
      When the bot sells 1.2 tAAPL on-chain
      Then the last AAPL broker order failed with "<reason>"
      And the AAPL position has net -1.2

      Examples: answers the broker gives while placing
        | failure                 | reason         |
        | 401 Unauthorized        | authentication |
        | 500 Internal Error      | server error   |
        | malformed JSON          | invalid response |
        | timeout                 | timed out      |

    Scenario: A broker that reports a partial fill keeps the order open
      Given the broker has accepted the order to buy 1.2 AAPL
      When the broker reports 0.5 of the order filled
      Then a broker order to buy 1.2 AAPL is pending
      And the AAPL position has net -1.2
      When the broker reports the order filled at $100.00
      Then the AAPL position is flat

  Rule: a restart resumes where the bot stopped

    @restart
    Scenario: Restarting with a submitted order completes it without placing another
      Given the bot keeps its events in a database file
      And the bot has sold 1.2 tAAPL on-chain
      And the broker has accepted the order to buy 1.2 AAPL
      When the bot restarts
      And the broker reports the order filled at $100.00
      Then the AAPL position is flat
      And exactly 1 broker order has been placed for AAPL

    @restart
    Scenario: A queued on-chain event that was not processed before the restart is processed once
      Given the bot keeps its events in a database file
      And the on-chain event 0xdef4 #1 selling 0.6 tAAPL was queued but not processed
      When the bot restarts
      And the bot processes the event queue
      And the bot processes the event queue
      Then the AAPL position has net -0.6

  Rule: the bot hedges only the symbols it knows

    Scenario: A fill of a token the bot does not know is set aside and the other fills are still hedged
      When these on-chain events are queued:
        | tx     | block | log | side | quantity | token |
        | 0xe1a1 | 120   | 0   | sell | 2        | tXYZ  |
        | 0xe1a2 | 120   | 1   | sell | 1.5      | tAAPL |
      And the bot processes the event queue
      Then the on-chain event 0xe1a1 #0 is set aside as "unknown token tXYZ (known: AAPL, AMD, AMZN, COIN, GOOG, GOOGL, META, MSFT, NFLX, NVDA, SPLG, TSLA)"
      And the bot recorded and hedged nothing of tXYZ
      And exactly 1 broker order has been placed for AAPL
      And the AAPL position has net -1.5 and accumulated short 1.5
