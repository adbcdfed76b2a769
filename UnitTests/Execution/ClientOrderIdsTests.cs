using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;

namespace TradingBot.Acceptance.UnitTests.Execution;

/// <summary>Client order ids drawn in batches are still distinct random UUIDs, across draws.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ClientOrderIdsTests
{
    private const int Ids = (ClientOrderIds.IdsPerDraw * 3) + 1; // four draws

    [Test]
    public void Ids_over_several_draws_are_all_different()
    {
        var ids = new ClientOrderIds();
        Enumerable.Range(0, Ids).Select(_ => ids.Next()).Distinct().Count().ShouldBe(Ids);
    }

    [Test]
    public void Every_id_is_a_random_uuid_of_version_4_and_the_standard_variant()
    {
        var ids = new ClientOrderIds();
        foreach (var id in Enumerable.Range(0, Ids).Select(_ => ids.Next().Value))
        {
            id.Version.ShouldBe(4, id.ToString());
            (id.Variant >> 2).ShouldBe(0b10, id.ToString()); // 10xx: RFC 9562
        }
    }

    [Test]
    public void Two_bots_do_not_make_the_same_ids() =>
        Enumerable.Range(0, ClientOrderIds.IdsPerDraw).Select(_ => new ClientOrderIds().Next()).Distinct().Count().ShouldBe(ClientOrderIds.IdsPerDraw);
}
