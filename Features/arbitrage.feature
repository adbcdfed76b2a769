@arbitrage @wip
Feature: Hedging on-chain fills on the broker
  The bot sells and buys tokenized equities (tAAPL, tMSFT, ...) on-chain. Each fill
  changes the net position of the underlying equity. When the net position reaches
  the execution threshold, the bot places the opposite order on the broker, polls
  it until it is filled, and the position is flat again.

  Background:
    Given the bot hedges with the dry-run broker
    And the execution threshold is 1 share

  Rule: fills below the threshold only accumulate

    @smoke
    Scenario: A sell below the threshold is accumulated without hedging
      When the bot sells 0.5 tAAPL on-chain
      Then the AAPL position has net -0.5 and accumulated short 0.5
      And no broker order is pending for AAPL
      And the event log reads:
        | aggregate    | event              |
        | Position     | Initialized        |
        | Position     | OnChainOrderFilled |
        | OnChainTrade | Filled             |

    Scenario: A tiny fill never hedges
      When the bot sells 0.001 tAAPL on-chain
      Then no broker order is pending for AAPL

  Rule: reaching the threshold hedges the whole net position

    @smoke
    Scenario: Two sells cross the threshold and the hedge brings the position back to flat
      Given the bot has sold 0.5 tAAPL on-chain
      When the bot sells 0.7 tAAPL on-chain
      Then the AAPL position has net -1.2 and accumulated short 1.2
      And a broker order to buy 1.2 AAPL is pending
      And the broker has accepted the order
      When the broker reports the order filled at $100.00
      Then the AAPL position is flat
      And no broker order is pending for AAPL
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
        | OffchainOrder | Filled              |
        | Position      | OffChainOrderFilled |

    Scenario: Exactly reaching the threshold is enough
      When the bot sells 1 tAAPL on-chain
      Then a broker order to buy 1 AAPL is pending

    Scenario: On-chain buys are hedged with a broker sell
      When the bot buys 1.5 tMSFT on-chain
      Then a broker order to sell 1.5 MSFT is pending

    Scenario: Mixed fills are netted before hedging
      When the bot trades on-chain:
        | side | quantity | token |
        | buy  | 0.8      | tAAPL |
        | sell | 0.5      | tAAPL |
        | sell | 0.8      | tAAPL |
        | sell | 0.6      | tAAPL |
      Then a broker order to buy 1.1 AAPL is pending
      And the AAPL position has accumulated long 0.8 and accumulated short 1.9

  Rule: the hedge size follows the broker's rules

    Scenario Outline: <broker> hedges <quantity> AAPL after sells of <first> and <second>
      Given the bot hedges with the <broker> broker
      And the last AAPL price is $100.00
      And the bot has sold <first> tAAPL on-chain
      When the bot sells <second> tAAPL on-chain
      Then a broker order to buy <quantity> AAPL is pending
      And the AAPL position has net <net before fill>

      Examples: share threshold, fractional hedge
        | broker  | first | second | quantity | net before fill |
        | dry-run | 0.5   | 0.7    | 1.2      | -1.2            |
        | dry-run | 0.4   | 499.6  | 500      | -500            |

      Examples: whole shares only, the remainder waits for later fills
        | broker | first | second | quantity | net before fill |
        | Schwab | 0.5   | 0.712  | 1        | -1.212          |
        | Schwab | 0.9   | 1.667  | 2        | -2.567          |

      Examples: dollar threshold of $2
        | broker | first | second | quantity | net before fill |
        | Alpaca | 0.01  | 0.01   | 0.02     | -0.02           |

    Scenario: Alpaca does not hedge below two dollars
      Given the bot hedges with the Alpaca broker
      And the last AAPL price is $100.00
      When the bot sells 0.019 tAAPL on-chain
      Then no broker order is pending for AAPL

    Scenario: The dollar threshold uses the price of the fill
      Given the bot hedges with the Alpaca broker
      And the last AAPL price is $250.00
      When the bot sells 0.008 tAAPL on-chain
      Then a broker order to buy 0.008 AAPL is pending

    Scenario: Schwab keeps the fractional remainder for later
      Given the bot hedges with the Schwab broker
      And the bot has sold 1.2 tAAPL on-chain
      When the broker fills the pending order
      Then the AAPL position has net -0.2

  Rule: one hedge at a time per symbol

    Scenario: Fills that arrive while a hedge is pending wait for the next check
      Given a broker order to buy 1.2 AAPL is pending
      When the bot sells 2 tAAPL on-chain
      Then exactly 1 broker order has been placed for AAPL
      When the broker fills the pending order
      Then the AAPL position has net -2
      When the position checker runs
      Then a broker order to buy 2 AAPL is pending

  Rule: every on-chain event counts exactly once

    Scenario: A redelivered on-chain event is ignored
      When the on-chain event 0xabc1 #3 selling 0.6 tAAPL arrives
      And the on-chain event 0xabc1 #3 selling 0.6 tAAPL arrives
      Then the AAPL position has net -0.6
      And the event log has 1 OnChainTrade Filled event

    Scenario: Queued events are processed in block and log order
      When these on-chain events are queued:
        | tx     | block | log | side | quantity | token |
        | 0xbbb2 | 101   | 0   | sell | 0.4      | tAAPL |
        | 0xaaa1 | 100   | 7   | sell | 0.3      | tAAPL |
        | 0xaaa1 | 100   | 2   | buy  | 0.1      | tAAPL |
      And the bot processes the event queue
      Then the on-chain trades were applied in this order:
        | tx     | log |
        | 0xaaa1 | 2   |
        | 0xaaa1 | 7   |
        | 0xbbb2 | 0   |
