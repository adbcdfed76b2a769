@rebalancing
Feature: Rebalancing moves exactly what the band calls for
  Whatever the holdings, the bot mints, redeems or moves USDC for exactly the excess
  over the band's target (see rebalancing.feature for the rules), and each venue
  records exactly that amount: Alpaca's mint requests, conversions, withdrawals and
  deposits, and the vaults on Base. Circle keeps its fast-transfer fee of 1 basis point.

  Background:
    Given rebalancing is enabled

  Rule: any known symbol and any amount the band calls for is moved exactly

    Scenario Outline: <onchain> <symbol> on-chain and <offchain> at the broker mints <mint> tokens
      Given the <symbol> vault is registered
      And the inventory holds <onchain> <symbol> on-chain and <offchain> <symbol> at the broker
      And Alpaca accepts mint requests and completes them
      When the rebalancing trigger checks <symbol>
      And the rebalancer runs
      Then Alpaca received a mint request for <mint> <symbol>
      And <mint> t<symbol> were deposited into the <symbol> vault
      And the <symbol> mint went through MintRequested, MintAccepted, TokensReceived, MintCompleted
      And the inventory holds <even> <symbol> on-chain and <even> <symbol> at the broker

      Examples: mints of whole and fractional shares for three symbols
        | symbol | onchain | offchain | mint | even  |
        | AAPL   | 19      | 80       | 30.5 | 49.5  |
        | AAPL   | 10      | 90       | 40   | 50    |
        | MSFT   | 0       | 10       | 5    | 5     |
        | MSFT   | 7.75    | 32.25    | 12.25| 20    |
        | NVDA   | 1       | 4        | 1.5  | 2.5   |
        | NVDA   | 100     | 900      | 400  | 500   |

    Scenario Outline: <onchain> <symbol> on-chain and <offchain> at the broker redeems <redeem> tokens
      Given the <symbol> vault is registered
      And the inventory holds <onchain> <symbol> on-chain and <offchain> <symbol> at the broker
      And Alpaca detects redemptions and completes them
      When the rebalancing trigger checks <symbol>
      And the rebalancer runs
      Then <redeem> t<symbol> were withdrawn from the <symbol> vault
      And <redeem> t<symbol> were sent to the redemption wallet
      And the <symbol> redemption went through TokensSent, Detected, Completed
      And the inventory holds <even> <symbol> on-chain and <even> <symbol> at the broker

      Examples: redemptions of whole and fractional shares for three symbols
        | symbol | onchain | offchain | redeem | even |
        | AAPL   | 80      | 20       | 30     | 50   |
        | AAPL   | 90      | 10       | 40     | 50   |
        | MSFT   | 8       | 2        | 3      | 5    |
        | MSFT   | 75.5    | 24.5     | 25.5   | 50   |
        | NVDA   | 12.4    | 0.6      | 5.9    | 6.5  |
        | NVDA   | 1000    | 0        | 500    | 500  |

    Scenario Outline: <onchain> USDC on-chain and <offchain> at the broker moves <amount> USDC to Base
      Given the inventory holds <onchain> USDC on-chain and <offchain> USDC at the broker
      And Alpaca converts, withdraws and Circle attests transfers
      When the rebalancing trigger checks USDC
      And the rebalancer runs
      Then Alpaca received a conversion of <amount> USD into USDC
      And Alpaca received a withdrawal of <amount> USDC to the market-maker wallet
      And <received> USDC were deposited into the USDC vault
      And the inventory holds <onchain after> USDC on-chain and <offchain after> USDC at the broker
      And no USDC move is in flight

      Examples: Circle keeps 1 basis point of each move
        | onchain | offchain | amount | received | onchain after | offchain after |
        | 100     | 900      | 400    | 399.96   | 499.96        | 500            |
        | 150     | 850      | 350    | 349.965  | 499.965       | 500            |
        | 0       | 1000     | 500    | 499.95   | 499.95        | 500            |
        | 20.5    | 179.5    | 79.5   | 79.49205 | 99.99205      | 100            |
        | 1000    | 9000     | 4000   | 3999.6   | 4999.6        | 5000           |

    Scenario Outline: <onchain> USDC on-chain and <offchain> at the broker moves <amount> USDC to Alpaca
      Given the inventory holds <onchain> USDC on-chain and <offchain> USDC at the broker
      And Alpaca converts, withdraws and Circle attests transfers
      When the rebalancing trigger checks USDC
      And the rebalancer runs
      Then <amount> USDC were withdrawn from the USDC vault
      And Alpaca credited a deposit of <received> USDC
      And Alpaca received a conversion of <received> USDC into USD
      And the inventory holds <onchain after> USDC on-chain and <offchain after> USDC at the broker
      And no USDC move is in flight

      Examples: Circle keeps 1 basis point of each move
        | onchain | offchain | amount | received | onchain after | offchain after |
        | 900     | 100      | 400    | 399.96   | 500           | 499.96         |
        | 850     | 150      | 350    | 349.965  | 500           | 499.965        |
        | 1000    | 0        | 500    | 499.95   | 500           | 499.95         |
        | 90      | 10       | 40     | 39.996   | 50            | 49.996         |
        | 9000    | 1000     | 4000   | 3999.6   | 5000          | 4999.6         |
