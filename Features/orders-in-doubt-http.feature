@orders-in-doubt @http-broker
Feature: Orders in doubt at the brokers that speak HTTP
  At Alpaca's Broker API and Schwab's Trader API the bot cancels an order that went silent with a
  DELETE request, keeps the symbol blocked, and settles the order with what the broker then says.

  Scenario Outline: A silent order at <broker> is canceled there before the bot hedges again
    Given the bot hedges with the <broker> broker
    And the bot has sold 2 tAAPL on-chain
    And the broker has accepted the order to buy 2 AAPL
    And the broker stops answering status requests
    When 11 minutes pass
    And the position checker runs
    Then the broker received a request to cancel the AAPL order
    And the AAPL order is in doubt
    And exactly 1 broker order has been placed for AAPL
    When the broker reports the order canceled with nothing filled
    And the position checker runs
    Then a broker order to buy 2 AAPL is pending
    And exactly 2 broker orders have been placed for AAPL

    Examples:
      | broker |
      | Alpaca |
      | Schwab |

  Scenario Outline: At <broker>, a part filled before the cancel is credited and the rest hedged
    Given the bot hedges with the <broker> broker
    And the bot has sold 3 tAAPL on-chain
    And the broker has accepted the order to buy 3 AAPL
    And the broker stops answering status requests
    When 11 minutes pass
    And the position checker runs
    And the broker reports the order canceled after 1 filled at $100.00
    And the position checker runs
    Then a broker order to buy 2 AAPL is pending
    And the AAPL position has net -2

    Examples:
      | broker |
      | Alpaca |
      | Schwab |

  Scenario Outline: At <broker>, an order that filled before the cancel arrived is not hedged again
    Given the bot hedges with the <broker> broker
    And the bot has sold 2 tAAPL on-chain
    And the broker has accepted the order to buy 2 AAPL
    And the broker stops answering status requests
    When 11 minutes pass
    And the position checker runs
    And the broker reports the order filled at $100.00
    And the position checker runs
    Then the AAPL position is flat
    And exactly 1 broker order has been placed for AAPL

    Examples:
      | broker |
      | Alpaca |
      | Schwab |

  Scenario: A cancel that Alpaca never answers is sent again on each check
    Given the bot hedges with the Alpaca broker
    And the bot has sold 2 tAAPL on-chain
    And the broker has accepted the order to buy 2 AAPL
    And the broker stops answering status requests
    And the broker never answers cancel requests
    When 11 minutes pass
    And the position checker runs
    And 1 minute passes
    And the position checker runs
    Then the broker received 2 requests to cancel the AAPL order
    And the AAPL order is in doubt
    And exactly 1 broker order has been placed for AAPL
