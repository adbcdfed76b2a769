@e2e @issue:9
Feature: The bot runs as one program
  While the bot runs, all its jobs work side by side: it listens to the chain feed,
  records every fill, hedges on the broker, follows each hedge until it is filled,
  checks the positions every minute and rebalances its inventory. Losing the chain
  feed, a broker outage or a restart loses no fill and never sends a hedge twice.

  Background:
    Given the bot is running with the dry-run broker

  Rule: fills that arrive while the bot runs are hedged until every position is flat

    @smoke
    Scenario: A burst of fills on three symbols is hedged to flat
      When the chain reports 10 rounds of these fills:
        | token | side | quantity |
        | tAAPL | sell | 1        |
        | tMSFT | buy  | 2.5      |
        | tNVDA | sell | 1.2      |
      And the broker fills every hedge
      Then every fill is recorded exactly once
      And every position is flat
      And the positions of AAPL, MSFT and NVDA were hedged
      And the broker received each hedge once

    Scenario: Fills on any known symbols are hedged to flat
      When the chain reports 3 rounds of these fills:
        | token | side | quantity |
        | tGOOG | buy  | 1.5      |
        | tAMZN | sell | 4        |
      And the broker fills every hedge
      Then every fill is recorded exactly once
      And every position is flat
      And the positions of GOOG and AMZN were hedged

  Rule: a hedge stays at the broker until the broker fills it

    Scenario: A sell is hedged and the hedge is followed until the broker fills it
      When the bot sells 1.2 tAAPL on-chain
      Then a broker order to buy 1.2 AAPL is pending
      When the broker fills the pending order
      Then the AAPL position is flat
      And the last AAPL broker order went through Placed, Submitted, Filled

  Rule: a lost chain feed costs time, never a fill

    Scenario: The feed drops in the middle of a burst and every fill still counts once
      When the chain reports 10 rounds of these fills, and the feed drops after 12 fills for 10 seconds:
        | token | side | quantity |
        | tAAPL | sell | 1        |
        | tMSFT | buy  | 2.5      |
        | tNVDA | sell | 1.2      |
      And the broker fills every hedge
      Then every fill is recorded exactly once
      And every position is flat
      # Reconnects wait about 1, 2 and 4 seconds (doubling, with jitter): three fall inside the 10 seconds.
      And the chain feed refused 3 reconnects during the outage
      And the bot resumed the chain feed from the last block it had processed
      And the broker received each hedge once

  Rule: the bot reads the orderbook's logs itself and hedges only the fills of its own orders of tokenized equities

    Scenario: A taker takes the bot's order and the bot hedges the sale
      When a taker takes the bot's tAAPL order for 9 shares at $205.85
      Then the bot recorded these fills:
        | token | side | quantity | price  |
        | tAAPL | sell | 9        | 205.85 |
      And a broker order to buy 9 AAPL is pending

    Scenario: A clear where the bot is bob is read from bob's side of the clear
      When the bot's order buying tAAPL is cleared for 2 shares at $205.85, the bot as bob
      Then the bot recorded these fills:
        | token | side | quantity | price  |
        | tAAPL | buy  | 2        | 205.85 |
      And a broker order to sell 2 AAPL is pending

    Scenario: A fill of a token that is not a tokenized equity is skipped with its reason and not hedged
      When a taker takes the bot's WETH order for 1 WETH paying 3000 USDC
      And a taker takes the bot's tMSFT order for 2 shares at $410.10
      Then the bot skipped 1 fill as "non_hedgeable_pair"
      And the bot recorded these fills:
        | token | side | quantity | price  |
        | tMSFT | sell | 2        | 410.10 |
      And the broker received one order, to buy 2 MSFT

    Scenario: A fill taken back by a reorg before its confirmations is not counted
      When a taker takes the bot's tAAPL order for 3 shares at $205.85, and a reorg takes it back before it is confirmed
      And a taker takes the bot's tMSFT order for 2 shares at $410.10
      Then every fill is recorded exactly once
      And the bot recorded these fills:
        | token | side | quantity | price  |
        | tMSFT | sell | 2        | 410.10 |
      And the broker received one order, to buy 2 MSFT

  Rule: a silent subscription costs seconds, never a fill

    Scenario: The feed goes silent and the watchdog backfills what it missed, every fill once
      When the feed goes silent for 30 seconds while the chain reports 2 rounds of these fills:
        | token | side | quantity |
        | tAAPL | sell | 1        |
        | tMSFT | buy  | 2.5      |
      And the broker fills every hedge
      Then every fill is recorded exactly once
      And the bot found the feed silent 1 time and backfilled what it missed
      And every position is flat
      And the broker received each hedge once

  Rule: a broker outage delays hedges until the position checker places them

    Scenario: The position checker hedges once the broker recovers
      Given the broker rejects every order with "Broker unavailable"
      When the chain reports 3 rounds of these fills:
        | token | side | quantity |
        | tAAPL | sell | 1        |
        | tMSFT | buy  | 2.5      |
        | tNVDA | sell | 1.2      |
      Then the broker refused 9 hedges
      When the broker recovers
      And the broker fills every hedge
      Then every fill is recorded exactly once
      And every position is flat
      And the positions of AAPL, MSFT and NVDA were hedged

  Rule: a restart resumes where the bot stopped

    @restart
    Scenario: A shutdown in the middle of a burst and a restart lose nothing and duplicate no hedge
      When the bot is shut down during 10 rounds of these fills, while a hedge is at the broker:
        | token | side | quantity |
        | tAAPL | sell | 1        |
        | tMSFT | buy  | 2.5      |
        | tNVDA | sell | 1.2      |
      Then the hedge that was at the broker was recorded as accepted before the bot stopped
      # The burst is mined in one block: the first batch takes one fill of each symbol and sends their hedges, the
      # first of which the broker holds; the other fills wait in the queue.
      And 27 fills were still waiting when the bot stopped
      When the bot starts again
      And the broker fills every hedge
      Then every fill is recorded exactly once
      And every position is flat
      And the broker received each hedge once

    @restart
    Scenario: Fills made while the bot was stopped are backfilled from its checkpoint
      When the chain reports 1 round of these fills:
        | token | side | quantity |
        | tAAPL | sell | 1        |
        | tNVDA | buy  | 1.2      |
      And the bot is stopped
      And the chain reports 2 rounds of these fills while the bot is stopped:
        | token | side | quantity |
        | tAAPL | sell | 1        |
        | tNVDA | buy  | 1.2      |
      And the bot starts again
      And the broker fills every hedge
      Then every fill is recorded exactly once
      And the bot backfilled from the block after its checkpoint
      And every position is flat
      And the broker received each hedge once

  Rule: rebalancing goes on beside hedging

    Scenario: A mint triggered by inventory drift completes while hedging goes on
      Given the AAPL vault is registered
      And Alpaca accepts mint requests and completes them 3 minutes later
      And the inventory holds 20 AAPL on-chain and 80 AAPL at the broker
      When the chain reports 3 rounds of these fills:
        | token | side | quantity |
        | tMSFT | buy  | 2.5      |
        | tNVDA | sell | 1.2      |
      And the bot sells 1 tAAPL on-chain
      And the broker fills every hedge
      Then the AAPL mint of 30.5 shares completes
      # One hedge at a time per symbol: MSFT and NVDA are hedged twice each (the first fill, then the
      # fills that waited), AAPL once.
      And the broker filled 5 hedges while the AAPL mint was in flight
      And the inventory holds 49.5 AAPL on-chain and 50.5 AAPL at the broker
      And every position is flat
