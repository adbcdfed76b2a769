using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.Support.World;

/// <summary>
/// The one place a scenario's venue simulators are made, on the world's clock: the chain (vaults, bridge,
/// token transfers), and Alpaca's tokenization and wallet APIs and Circle's attestation service over
/// WireMock, each answering from the chain's state and what the bot asked. A new venue plugs in here.
/// </summary>
public sealed class VenueSimulators : IDisposable
{
    public VenueSimulators(ScenarioClock clock, RebalancingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Onchain = new OnchainPortsFake();
        Tokenization = new AlpacaTokenizationStub(clock, Onchain, config.RedemptionWallet);
        Wallet = new AlpacaWalletStub(Onchain);
        Circle = new CircleAttestationStub(Onchain);
    }

    public OnchainPortsFake Onchain { get; }

    public AlpacaTokenizationStub Tokenization { get; }

    public AlpacaWalletStub Wallet { get; }

    public CircleAttestationStub Circle { get; }

    /// <summary>The Alpaca Broker API simulator of a scenario whose broker speaks HTTP: market open on the scenario's trading day, every asset tradable, the account active.</summary>
    public static AlpacaBrokerStub AlpacaBroker()
    {
        var stub = new AlpacaBrokerStub();
        stub.OpenMarketOn(ScenarioClock.TradingDay);
        stub.TradeEveryAsset();
        stub.AnswerAccount("ACTIVE");
        return stub;
    }

    public void Dispose()
    {
        Tokenization.Dispose();
        Wallet.Dispose();
        Circle.Dispose();
    }
}
