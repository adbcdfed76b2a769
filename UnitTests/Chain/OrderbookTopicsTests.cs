using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.Chain.Abi;

namespace TradingBot.Acceptance.UnitTests.Chain;

[TestFixture]
public sealed class OrderbookTopicsTests
{
    [Test]
    public void The_topics_are_the_keccak_hashes_of_the_canonical_signatures()
    {
        OrderbookTopics.ClearV3.ShouldBe("0x6fa7f4c28634b0a9d6831401c45ae468195fb63aed07308935c35374ff5d9e39");
        OrderbookTopics.TakeOrderV3.ShouldBe("0x194f1feb3b4d7076a2c272e774e792e0c48bb8c7aa1a9a3671c1cd6da9e6b4c1");
        OrderbookTopics.AfterClearV2.ShouldBe("0xd9fa84dd790c969daa5c33d8050dc06b4a9b59d5b42e2be5f5e8ae20447f618d");
    }

    [Test]
    public void The_dtos_give_the_canonical_signatures()
    {
        const string order = "(address,(address,address,bytes),(address,bytes32)[],(address,bytes32)[],bytes32)";
        OrderbookTopics.Signature<ClearV3Event>().ShouldBe($"ClearV3(address,{order},{order},(uint256,uint256,uint256,uint256,bytes32,bytes32))");
        OrderbookTopics.Signature<TakeOrderV3Event>().ShouldBe($"TakeOrderV3(address,({order},uint256,uint256,(address,bytes32[],bytes)[]),bytes32,bytes32)");
        OrderbookTopics.Signature<AfterClearV2Event>().ShouldBe("AfterClearV2(address,(bytes32,bytes32,bytes32,bytes32))");
    }

    [Test]
    public void Nethereums_keccak_of_the_raw_signature_agrees() =>
        ("0x" + Nethereum.Util.Sha3Keccack.Current.CalculateHash("AfterClearV2(address,(bytes32,bytes32,bytes32,bytes32))")).ShouldBe(OrderbookTopics.AfterClearV2);
}
