Feature: Parallel two
  Scenario: Meets the first feature
    Given this scenario meets the other feature's scenario
