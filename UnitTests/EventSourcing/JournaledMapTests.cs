using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>The unit of work's bookkeeping rolls an item back to where it began, entry by entry.</summary>
[TestFixture]
public sealed class JournaledMapTests
{
    [Test]
    public void Rolling_back_to_a_mark_restores_changed_entries_removes_added_ones_and_brings_back_removed_ones()
    {
        var map = new JournaledMap<string, int>(StringComparer.Ordinal);
        map.Set("kept", 1);
        map.Set("changed", 2);
        map.Set("removed", 3);
        map.Journaling = true;
        var mark = map.Mark;

        map.Set("changed", 20);
        map.Set("changed", 200);
        map.Remove("removed");
        map.Set("added", 4);
        map.RollBack(mark);

        // kept untouched, changed back to its value before the first change since the mark, removed back,
        // added gone.
        Entries(map).ShouldBe(["changed=2", "kept=1", "removed=3"], "entries after the rollback");
        map.Mark.ShouldBe(mark, "journal back at the mark");
    }

    [Test]
    public void Changes_before_a_later_mark_survive_a_rollback_to_it_and_nothing_is_noted_while_not_journaling()
    {
        var map = new JournaledMap<string, int>(StringComparer.Ordinal);
        map.Set("before journaling", 1);
        map.Mark.ShouldBe(0, "nothing noted outside a savepoint");
        map.Journaling = true;
        map.Set("first item", 2);
        var second = map.Mark;
        map.Clear();
        map.RollBack(second);

        Entries(map).ShouldBe(["before journaling=1", "first item=2"], "the entry from before journaling, and the earlier item's, cleared by the later one, back");
        map.ForgetJournal();
        map.Mark.ShouldBe(0, "journal forgotten");
        Entries(map).ShouldBe(["before journaling=1", "first item=2"], "entries stay when the journal is forgotten");
    }

    private static List<string> Entries(JournaledMap<string, int> map)
    {
        var entries = new List<string>();
        foreach (var (key, value) in map)
            entries.Add($"{key}={value}");
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }
}
