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

        map.Count.ShouldBe(3, "entries after the rollback");
        map["kept"].ShouldBe(1, "untouched entry");
        map["changed"].ShouldBe(2, "value before the first change since the mark");
        map["removed"].ShouldBe(3, "removed entry back");
        map.TryGetValue("added", out _).ShouldBeFalse("entry added after the mark");
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

        map["before journaling"].ShouldBe(1, "entry from before journaling");
        map["first item"].ShouldBe(2, "the earlier item's entry, cleared by the later one, is back");
        map.ForgetJournal();
        map.Mark.ShouldBe(0, "journal forgotten");
        map.Count.ShouldBe(2, "entries stay when the journal is forgotten");
    }
}
