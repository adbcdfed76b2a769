Feature: Parallel two
  Meets the scenario of "Parallel one" while both run.
  Given a line like this one, which is description text and never runs

  Scenario: Meets the first feature
    Given this scenario meets the other feature's scenario
