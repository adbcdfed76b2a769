Feature: Scenario outcomes
  Hooks, failures, skipped scenarios and undefined steps.

  Scenario: A passing scenario
    Given the number 1
    Then the result is 1

  Scenario: A failing scenario
    Given the number 1
    Then the result is 2
    And the result is 1

  @ignore
  Scenario: An ignored scenario
    Given the number 1

  @wip
  Scenario: A scenario in progress
    Given the number 1

  Scenario: A scenario with an undefined step
    Given the number 1
    When the number is squared twice

  @smoke
  Rule: smoke on a rule
    Scenario: A state that no other scenario sees
      Given the number 4
      Then the result is 4
