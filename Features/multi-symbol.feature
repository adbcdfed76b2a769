@multi-symbol
Feature: Symbols are hedged independently
  Each equity has its own position, its own lock and its own orders. A fill or an
  order of one symbol never changes another symbol, even when their trades are
  interleaved or processed at the same time.

  Background:
    Given the bot hedges with the dry-run broker
    And the execution threshold is 1 share

  @smoke
  Scenario: Interleaved AAPL and MSFT fills hedge only the symbol that crossed
    When the bot trades on-chain:
      | side | quantity | token |
      | sell | 0.6      | tAAPL |
      | sell | 0.4      | tMSFT |
      | sell | 0.6      | tAAPL |
    Then a broker order to buy 1.2 AAPL is pending
    And no broker order is pending for MSFT
    And only AAPL has OffChainOrderPlaced events
    When the broker fills the pending order for AAPL
    Then the AAPL position is flat
    And the MSFT position has net -0.4
    When the bot sells 0.8 tMSFT on-chain
    Then a broker order to buy 1.2 MSFT is pending
    When the broker fills the pending order for MSFT
    Then the AAPL position is flat
    And the MSFT position is flat
    And no event of AAPL mentions MSFT and no event of MSFT mentions AAPL

  Scenario: A failure on one symbol does not disturb another
    Given the broker will reject the next AAPL order
    When the bot trades on-chain:
      | side | quantity | token |
      | sell | 1.2      | tAAPL |
      | buy  | 2        | tMSFT |
    Then no broker order is pending for AAPL
    And a broker order to sell 2 MSFT is pending

  @concurrency @slow
  Scenario: Many symbols processed at the same time stay consistent
    When 8 workers process 2000 on-chain fills spread over 20 symbols at the same time
    Then every position's net equals its on-chain buys minus its sells plus its filled hedges
    And no symbol ever had two broker orders pending at once
    And every on-chain fill was applied exactly once
