Feature: Hedging at Schwab
  The bot hedges on Schwab's Trader API with whole shares only: it signs in with its refresh token,
  places a market order for the whole shares of the net position, follows the order until Schwab
  reports it filled, and keeps the fractional remainder for a later hedge.

  @http-broker
  Rule: Schwab is sent exactly the whole shares of the net position

    Background:
      Given the bot hedges with the Schwab broker

    Scenario Outline: Selling <sold> t<symbol> on-chain buys <bought> <symbol> at Schwab
      When the bot sells <sold> t<symbol> on-chain
      Then the broker received one order, to buy <bought> <symbol>
      When the broker fills the pending order
      Then the <symbol> position has net <remainder>

      Examples: whole and fractional sells of three symbols
        | symbol | sold  | bought | remainder |
        | AAPL   | 3     | 3      | 0         |
        | MSFT   | 2.75  | 2      | -0.75     |
        | NVDA   | 41.5  | 41     | -0.5      |

    Scenario: Buying 5.4 tAAPL on-chain sells 5 AAPL at Schwab
      When the bot buys 5.4 tAAPL on-chain
      Then the broker received one order, to sell 5 AAPL
      When the broker fills the pending order
      Then the AAPL position has net 0.4

    Scenario: An access token that expired meanwhile is renewed before the next order
      Given the bot has sold 2 tAAPL on-chain
      When the broker fills the pending order
      And 30 minutes pass
      And the bot sells 3 tAAPL on-chain
      Then the bot signed in to Schwab 2 times
      And a broker order to buy 3 AAPL is pending
      When the broker fills the pending order
      Then the AAPL position is flat
