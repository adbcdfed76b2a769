@e2e @risk
Feature: An operator stops and resumes the running bot
  The running bot serves an operator API. An operator reads what the bot holds
  and how its controls stand, stops new broker orders at once whatever the bot
  is doing, lets it hedge again, and changes its limits for the next hedge.
  Only a request that carries the operator's token changes anything.

  Background:
    Given the bot is running with the dry-run broker

  Rule: the kill switch engaged through the API stops new broker orders while fills go on

    @smoke
    Scenario: An operator stops new broker orders in the middle of a burst, then lets the bot hedge to flat
      When the chain reports 2 rounds of these fills:
        | token | side | quantity |
        | tAAPL | sell | 1        |
        | tMSFT | buy  | 2.5      |
      And an operator engages the kill switch through the operator API because "broker statement does not match"
      And the chain reports 3 rounds of these fills:
        | token | side | quantity |
        | tAAPL | sell | 1        |
        | tMSFT | buy  | 2.5      |
        | tNVDA | sell | 1.2      |
      And the running bot goes on for 3 minutes
      Then every fill is recorded exactly once
      And no broker order was placed after the kill switch was engaged
      And the operator API shows the kill switch engaged because of "broker statement does not match"
      And the operator API shows the NVDA position at net -3.6
      When an operator resets the kill switch through the operator API
      And the broker fills every hedge
      Then the operator API shows the kill switch not engaged
      And every position is flat
      And the positions of AAPL, MSFT and NVDA were hedged
      And the broker received each hedge once
      And the operator token appears in no line the bot logged

  Rule: limits changed through the API apply to the next hedge

    Scenario: An order limit set through the API slices the next hedge
      When an operator sets the order limit to $500 through the operator API
      And the bot sells 12 tAAPL on-chain
      Then a broker order to buy 5 AAPL is pending
      And the operator API shows an order limit of $500

    Scenario: A limit set through the API leaves the order already at the broker as it is
      When the bot sells 12 tAAPL on-chain
      Then a broker order to buy 12 AAPL is pending
      When an operator sets the order limit to $500 through the operator API
      And the broker fills the pending order
      Then the AAPL position is flat
      And exactly 1 broker order has been placed for AAPL

  Rule: only a valid request with the operator's token changes anything

    Scenario: A request without the token is refused and the bot keeps hedging
      When someone without the operator token tries to engage the kill switch
      Then the operator API answers 401 "a bearer token is required (Authorization: Bearer <token>)"
      And the operator API shows the kill switch not engaged
      When the bot sells 1.2 tAAPL on-chain
      Then a broker order to buy 1.2 AAPL is pending

    Scenario: An order limit that is not a positive amount is refused and the limit in force stays
      Given an operator has set the order limit to $500 through the operator API
      When an operator tries to set the order limit to -5 through the operator API
      Then the operator API answers 400 '"order_limit_usd" must be more than $0, was negative (-5)'
      And the operator API shows an order limit of $500
