Feature: Parallel one
  Scenario: Waits for the other feature
    Given this scenario meets the other feature's scenario
