@rebalancing
Feature: Rebalancing inventory between the chain and the broker
  The bot needs shares and cash on both venues: tokenized shares and USDC on-chain
  to fill takers, shares and dollars at the broker to hedge. When the on-chain share
  of a holding drifts outside its band, the bot moves inventory: it mints tokens from
  broker shares, redeems tokens back into broker shares, or moves USDC between the
  Alpaca wallet and the Base chain over Circle's CCTP bridge.
  Equities aim for 50% on-chain and act outside 30%..70%. USDC aims for 50% and acts
  outside 20%..80%. A move in flight blocks further moves of the same holding.

  Background:
    Given the AAPL vault is registered
    And rebalancing is enabled

  Rule: too many shares at the broker are minted into tokens

    @smoke
    Scenario: An AAPL imbalance at the broker mints 30.5 tokens
      Given the inventory holds 19 AAPL on-chain and 80 AAPL at the broker
      And Alpaca accepts mint requests and completes them
      When the rebalancing trigger checks AAPL
      And the rebalancer runs
      Then Alpaca received a mint request for 30.5 AAPL
      And the AAPL mint went through MintRequested, MintAccepted, TokensReceived, MintCompleted
      And no AAPL move is in flight

    Scenario: Alpaca rejects the mint request
      Given the inventory holds 19 AAPL on-chain and 80 AAPL at the broker
      And Alpaca rejects mint requests with 422 "symbol not tokenizable"
      When the rebalancing trigger checks AAPL
      And the rebalancer runs
      Then the AAPL mint failed with "symbol not tokenizable"
      And no AAPL move is in flight

    Scenario: Alpaca accepts the mint and later rejects it
      Given the inventory holds 19 AAPL on-chain and 80 AAPL at the broker
      And Alpaca accepts mint requests and rejects them while processing
      When the rebalancing trigger checks AAPL
      And the rebalancer runs
      Then the AAPL mint went through MintRequested, MintAccepted, MintAcceptanceFailed
      And Alpaca received a mint request for 30.5 AAPL
      And no AAPL move is in flight
      And the inventory holds 19 AAPL on-chain and 80 AAPL at the broker

    Scenario: A completed mint evens out the AAPL inventory
      Given the inventory holds 19 AAPL on-chain and 80 AAPL at the broker
      And Alpaca accepts mint requests and completes them
      When the rebalancing trigger checks AAPL
      And the rebalancer runs
      Then the inventory holds 49.5 AAPL on-chain and 49.5 AAPL at the broker

  Rule: too many tokens on-chain are redeemed into shares

    Scenario: An AAPL imbalance on-chain redeems 30 tokens
      Given the inventory holds 80 AAPL on-chain and 20 AAPL at the broker
      And Alpaca detects redemptions and completes them
      When the rebalancing trigger checks AAPL
      And the rebalancer runs
      Then 30 tAAPL were sent to the redemption wallet
      And the AAPL redemption went through TokensSent, Detected, Completed

    Scenario: A completed redemption evens out the AAPL inventory
      Given the inventory holds 80 AAPL on-chain and 20 AAPL at the broker
      And Alpaca detects redemptions and completes them
      When the rebalancing trigger checks AAPL
      And the rebalancer runs
      Then the inventory holds 50 AAPL on-chain and 50 AAPL at the broker
      And no AAPL move is in flight

    Scenario: A redemption Alpaca never detects fails
      Given the inventory holds 80 AAPL on-chain and 20 AAPL at the broker
      And Alpaca never detects redemptions
      When the rebalancing trigger checks AAPL
      And the rebalancer runs until it gives up waiting
      Then the AAPL redemption went through TokensSent, DetectionFailed
      And no AAPL move is in flight

  Rule: inside the band nothing moves

    Scenario Outline: <onchain> on-chain and <offchain> at the broker is <outcome>
      Given the inventory holds <onchain> AAPL on-chain and <offchain> AAPL at the broker
      When the rebalancing trigger checks AAPL
      Then the rebalancer was asked to <outcome>

      Examples: the equity band is 30% to 70% on-chain
        | onchain | offchain | outcome        |
        | 50      | 50       | do nothing     |
        | 30      | 70       | do nothing     |
        | 70      | 30       | do nothing     |
        | 29      | 71       | mint 21        |
        | 71      | 29       | redeem 21      |
        | 0       | 0        | do nothing     |

  Rule: USDC moves between the Alpaca wallet and Base

    @smoke
    Scenario: Too much cash at Alpaca moves $400 to Base
      Given the inventory holds 100 USDC on-chain and 900 USDC at the broker
      And Alpaca converts, withdraws and Circle attests transfers
      When the rebalancing trigger checks USDC
      And the rebalancer runs
      Then Alpaca received a withdrawal of 400 USDC to the market-maker wallet
      And the USDC move went through ConversionInitiated, ConversionConfirmed, Initiated, WithdrawalConfirmed, BridgingInitiated, BridgeAttestationReceived, Bridged, DepositInitiated, DepositConfirmed
      And no USDC move is in flight

    Scenario: Too much cash on Base moves $400 to Alpaca
      Given the inventory holds 900 USDC on-chain and 100 USDC at the broker
      And Alpaca converts, withdraws and Circle attests transfers
      When the rebalancing trigger checks USDC
      And the rebalancer runs
      Then the USDC move went through Initiated, WithdrawalConfirmed, BridgingInitiated, BridgeAttestationReceived, Bridged, DepositInitiated, DepositConfirmed, ConversionInitiated, ConversionConfirmed
      And 400 USDC were withdrawn from the USDC vault
      And Alpaca credited a deposit of 399.96 USDC
      And Alpaca received a conversion of 399.96 USDC into USD
      And no USDC move is in flight
      And the inventory holds 500 USDC on-chain and 499.96 USDC at the broker

    Scenario: Moves from Alpaca below $51 are skipped
      Given the inventory holds 450 USDC on-chain and 550 USDC at the broker
      And the USDC band is 50% plus or minus 1%
      When the rebalancing trigger checks USDC
      Then the rebalancer was asked to do nothing

    Scenario: Circle's attestation never arrives
      Given the inventory holds 100 USDC on-chain and 900 USDC at the broker
      And Alpaca converts and withdraws but Circle never attests
      When the rebalancing trigger checks USDC
      And the rebalancer runs until it gives up waiting
      Then the USDC move ended with BridgingFailed
      And no USDC move is in flight

    Scenario: A completed move to Base evens out the cash
      Given the inventory holds 100 USDC on-chain and 900 USDC at the broker
      And Alpaca converts, withdraws and Circle attests transfers
      When the rebalancing trigger checks USDC
      And the rebalancer runs
      Then the inventory holds 499.96 USDC on-chain and 500 USDC at the broker
      And no USDC move is in flight

    Scenario: Cash burnt for a move whose attestation never arrives stays in flight
      Given the inventory holds 100 USDC on-chain and 900 USDC at the broker
      And Alpaca converts and withdraws but Circle never attests
      When the rebalancing trigger checks USDC
      And the rebalancer runs until it gives up waiting
      Then the inventory holds 400 USDC in flight from the broker

    Scenario: A market-maker wallet Alpaca has not whitelisted stops the move before the withdrawal
      Given the inventory holds 100 USDC on-chain and 900 USDC at the broker
      And Alpaca has not whitelisted the market-maker wallet
      When the rebalancing trigger checks USDC
      And the rebalancer runs
      Then the USDC move went through ConversionInitiated, ConversionConfirmed
      And Alpaca received no withdrawal
      And no USDC move is in flight

    Scenario: $50 to move from Alpaca is below the minimum
      Given the inventory holds 0 USDC on-chain and 100 USDC at the broker
      When the rebalancing trigger checks USDC
      Then the rebalancer was asked to do nothing

    Scenario Outline: 350 USDC on-chain and 650 USDC at the broker with a band of 50% plus or minus <deviation>% is <outcome>
      Given the inventory holds 350 USDC on-chain and 650 USDC at the broker
      And the USDC band is 50% plus or minus <deviation>%
      When the rebalancing trigger checks USDC
      Then the rebalancer was asked to <outcome>

      Examples: a wider band tolerates 35% on-chain, a narrower one moves the excess
        | deviation | outcome                           |
        | 40        | do nothing                        |
        | 10        | move $150 from Alpaca to Base     |

  Rule: one move at a time per holding

    Scenario: A mint in flight blocks a second mint of the same equity
      Given the inventory holds 19 AAPL on-chain and 80 AAPL at the broker
      And an AAPL mint is in flight
      When the rebalancing trigger checks AAPL
      Then the rebalancer was asked to do nothing

    Scenario: An on-chain sell that drains tokens triggers a mint
      Given the bot hedges with the dry-run broker
      And the execution threshold is 1 share
      And the inventory holds 20 AAPL on-chain and 80 AAPL at the broker
      When the bot sells 1 tAAPL on-chain
      Then the inventory holds 19 AAPL on-chain and 80 AAPL at the broker
      And the rebalancer was asked to mint 30.5

  Rule: a venue that answers for other shares or another amount fails the move

    Scenario: A mint Alpaca records for another quantity fails
      Given the inventory holds 19 AAPL on-chain and 80 AAPL at the broker
      And Alpaca records mint requests for 1 share more than requested
      When the rebalancing trigger checks AAPL
      And the rebalancer runs
      Then the AAPL mint failed with "Alpaca answered the mint of 30.5 AAPL with 31.5 AAPL"
      And the AAPL mint went through MintRequested, MintAccepted, MintAcceptanceFailed
      And the inventory holds 19 AAPL on-chain and 80 AAPL at the broker

    Scenario: A mint Alpaca records for another symbol fails
      Given the inventory holds 19 AAPL on-chain and 80 AAPL at the broker
      And Alpaca records mint requests as MSFT
      When the rebalancing trigger checks AAPL
      And the rebalancer runs
      Then the AAPL mint failed with "Alpaca answered the mint of 30.5 AAPL with 30.5 MSFT"
      And no AAPL move is in flight

    Scenario: A redemption Alpaca detects for another quantity fails
      Given the inventory holds 80 AAPL on-chain and 20 AAPL at the broker
      And Alpaca detects redemptions for 1 share less than sent
      When the rebalancing trigger checks AAPL
      And the rebalancer runs
      Then the AAPL redemption failed with "Alpaca detected the redemption of 30 AAPL as 29 AAPL"
      And the AAPL redemption went through TokensSent, DetectionFailed
      And no AAPL move is in flight

    Scenario: A conversion Alpaca fills for another quantity stops the move before the withdrawal
      Given the inventory holds 100 USDC on-chain and 900 USDC at the broker
      And Alpaca converts, withdraws and Circle attests transfers
      And Alpaca fills conversions for 0.5 USDC less than ordered
      When the rebalancing trigger checks USDC
      And the rebalancer runs
      Then the USDC move failed with "Conversion of 400 USDC filled 399.5 USDC"
      And the USDC move went through ConversionInitiated, ConversionFailed
      And Alpaca received no withdrawal

    Scenario: A withdrawal of another amount fails
      Given the inventory holds 100 USDC on-chain and 900 USDC at the broker
      And Alpaca converts, withdraws and Circle attests transfers
      And Alpaca withdraws 1 USDC less than requested
      When the rebalancing trigger checks USDC
      And the rebalancer runs
      Then the USDC move failed with "Alpaca moved 399 USDC for a transfer of 400 USDC"
      And the USDC move ended with WithdrawalFailed

    Scenario: A deposit Alpaca credits with another amount fails
      Given the inventory holds 900 USDC on-chain and 100 USDC at the broker
      And Alpaca converts, withdraws and Circle attests transfers
      And Alpaca credits deposits with 1 USDC less than sent
      When the rebalancing trigger checks USDC
      And the rebalancer runs
      Then the USDC move failed with "Alpaca moved 398.96 USDC for a transfer of 399.96 USDC"
      And the USDC move ended with DepositFailed
