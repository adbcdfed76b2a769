@smoke
Feature: Broken on purpose
  Scenario: Something
    Given the number 1
  | not | a | table | of | anything |
  Examples without a colon
