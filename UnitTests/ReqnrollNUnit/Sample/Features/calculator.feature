@calculator
Feature: Adding numbers
  Two scenarios and a three-row outline: five tests.

  Scenario: Adding two numbers
    Given the number 2
    When 3 is added
    Then the result is 5

  @smoke
  Scenario: Adding zero changes nothing
    Given the number 7
    When 0 is added
    Then the result is 7

  Scenario Outline: Adding <added> to <start>
    Given the number <start>
    When <added> is added
    Then the result is <sum>

    @smoke
    Examples:
      | start | added | sum |
      | 1     | 1     | 2   |
      | 2     | 5     | 7   |
      | 10    | 0     | 10  |
