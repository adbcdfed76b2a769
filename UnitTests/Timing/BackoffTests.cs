using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.UnitTests.Timing;

[TestFixture]
public sealed class BackoffTests
{
    [Test]
    public void Without_jitter_waits_double_up_to_the_cap_and_start_over_after_a_reset()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        var waits = Enumerable.Range(0, 6).Select(_ => backoff.Next().TotalSeconds).ToList();
        backoff.Reset();

        waits.ShouldBe([1d, 2d, 4d, 8d, 10d, 10d], "seconds waited");
        backoff.Next().ShouldBe(TimeSpan.FromSeconds(1), "first wait after a reset");
    }

    [Test]
    public void With_jitter_each_wait_lies_between_half_and_all_of_its_ceiling()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(7));
        var ceilings = new[] { 1, 2, 4, 8, 16, 30, 30 };

        foreach (var ceiling in ceilings)
        {
            var wait = backoff.Next();
            wait.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(ceiling / 2.0), $"wait under a {ceiling} s ceiling");
            wait.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(ceiling), $"wait under a {ceiling} s ceiling");
        }
    }

    [Test]
    public void Doubled_is_the_first_wait_doubled_per_attempt_and_never_past_the_limit()
    {
        var waits = new[] { 0, 1, 2, 5, 6, 62, int.MaxValue }
            .Select(attempt => Backoff.Doubled(TimeSpan.FromSeconds(1), attempt, TimeSpan.FromSeconds(60)).TotalSeconds);

        waits.ShouldBe([1d, 2d, 4d, 32d, 60d, 60d, 60d], "seconds for attempts 0, 1, 2, 5, 6, 62 and the last");
    }
}
