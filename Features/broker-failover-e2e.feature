@e2e @risk
Feature: The running bot hedges on its fallback broker while the main one is down
  The bot hedges with Alpaca and falls back to Schwab, both over HTTP. Its position
  checker probes the brokers on each tick: while Alpaca is down new hedges go to
  Schwab, and once Alpaca answers again they go back to it. An order is followed at
  the broker that holds it, so every fill is hedged once, on whichever broker was up.

  Background:
    Given the bot is running, hedging with Alpaca and falling back to Schwab

  Scenario: Alpaca goes down in the middle of a burst and comes back
    When the chain reports 2 rounds of these fills:
      | token | side | quantity |
      | tAAPL | sell | 1        |
      | tMSFT | buy  | 2.5      |
    And Alpaca is down
    And the chain reports 2 rounds of these fills:
      | token | side | quantity |
      | tNVDA | sell | 1.5      |
      | tAAPL | sell | 1        |
    And Alpaca is up again
    And the chain reports 1 round of these fills:
      | token | side | quantity |
      | tNVDA | sell | 1.5      |
      | tMSFT | buy  | 2.5      |
    And the brokers fill every hedge
    Then every fill is recorded exactly once
    And every position is flat
    And the positions of AAPL, MSFT and NVDA were hedged
    And Alpaca received each hedge it holds once, and no other
    And Schwab received each hedge it holds once, and no other
    # AAPL and MSFT wait on their orders at Alpaca during the outage; NVDA's first fill is hedged at
    # Schwab in whole shares, and what is left goes to Alpaca once that order has filled.
    And Schwab received these orders, in any order:
      | side | shares | symbol |
      | buy  | 1      | NVDA   |
    And Alpaca received these orders, in any order:
      | side | shares | symbol |
      | buy  | 1      | AAPL   |
      | sell | 2.5    | MSFT   |
      | buy  | 3      | AAPL   |
      | sell | 5      | MSFT   |
      | buy  | 3.5    | NVDA   |
    And the bot recorded these control decisions:
      | decision                                   |
      | FallbackStarted to Schwab "Alpaca is down" |
      | FallbackEnded back to Alpaca               |
    And the bot logged a warning that begins "FallbackStarted: new hedges go to Schwab while Alpaca is down"
