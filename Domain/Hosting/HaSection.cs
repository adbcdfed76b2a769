using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The <c>ha</c> section of the configuration file: <c>"mode": "active-standby"</c> makes instances on one
/// PostgreSQL store share a leadership lease of <c>leaseSeconds</c>, so one reads the chain and places orders and
/// the others stand by. Without the section (or with <c>"mode": "none"</c>) every instance runs, kept safe by the
/// placement marker.
/// </summary>
public sealed record HaSection
{
    public const string ActiveStandby = "active-standby";
    public const string None = "none";
    public const double MinimumLeaseSeconds = 1;
    public const double MaximumLeaseSeconds = 300;

    public required string Mode { get; init; }

    /// <summary>How long the lease lasts unrenewed: a dead leader's standby takes over within about this long.</summary>
    public double LeaseSeconds { get; init; } = 5;

    public bool IsActiveStandby => Mode == ActiveStandby;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <exception cref="RiskSettingException">The mode is unknown, the lease out of range, or the store SQLite; its field is the key to point at.</exception>
    public void Check(EventStoreKind store)
    {
        if (Mode is not (ActiveStandby or None))
            throw new RiskSettingException("mode", $"\"ha.mode\" must be \"{ActiveStandby}\" or \"{None}\", was \"{Mode}\"");
        if (!IsActiveStandby)
            return;
        if (LeaseSeconds is < MinimumLeaseSeconds or > MaximumLeaseSeconds || double.IsNaN(LeaseSeconds))
            throw new RiskSettingException("leaseSeconds", $"\"ha.leaseSeconds\" must be from {MinimumLeaseSeconds} to {MaximumLeaseSeconds} seconds, was {LeaseSeconds}");
        if (store != EventStoreKind.Postgres)
            throw new RiskSettingException("mode", $"\"ha.mode\" is \"{ActiveStandby}\", which needs the PostgreSQL event store (\"eventStore\": \"postgres\"): "
                + "the instances share its leadership lease, and a SQLite file is the store of one machine");
    }
}
