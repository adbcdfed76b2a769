using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Positions;
using Command = TradingBot.Acceptance.Domain.Risk.RiskControlCommand;
using RiskDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.Risk.RiskControlEvent,
    TradingBot.Acceptance.Domain.Risk.RiskControlError>;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>
/// The pre-trade controls of one bot (DOMAIN §14), in process: what an operator does (engage or reset the kill
/// switch, change the limits, read the status) and what the hedging pipeline asks before each broker order
/// (how much may be placed, whether anything may be placed at all). Every decision is an event on the
/// <see cref="RiskControl"/> stream; limits changed here apply to the next hedge decision.
/// </summary>
public sealed partial class RiskControls
{
    /// <summary>Who engaged the kill switch when no operator did.</summary>
    public const string ByTheBot = "bot";

    public const string OperatorReason = "engaged by an operator";

    /// <summary>Who reset a kill switch of the daily limit when the UTC day changed.</summary>
    public const string NewDay = "the new UTC day";

    private readonly EventStoreDatabase database;
    private readonly TimeProvider clock;
    private readonly OffchainOrderAggregate orders = new();
    private readonly DailyNotional placedToday = new();
    private RiskSettings settings;

    public RiskControls(EventStoreDatabase database, TimeProvider clock, RiskSettings settings, BrokerRoute brokers)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(brokers);
        this.database = database;
        this.clock = clock;
        this.settings = settings;
        Brokers = brokers;
    }

    /// <summary>The main broker, the fallback one if any, and which of them gets new hedges.</summary>
    public BrokerRoute Brokers { get; }

    /// <summary>The controls in force now.</summary>
    public RiskSettings Settings => Volatile.Read(ref settings);

    /// <summary>The controls as an operator reads them.</summary>
    public RiskStatus Status()
    {
        using var unit = database.BeginRead();
        var state = Current(unit);
        return new RiskStatus(state.KillSwitch, state.Fallback, Brokers.Main.Kind, Brokers.Fallback?.Kind, Settings, state.RecentAlerts);
    }

    /// <summary>Whether the kill switch is engaged now: no new broker order, no new rebalancing operation.</summary>
    public bool KillSwitchEngaged => EngagedIn(database);

    /// <summary>Whether the kill switch of the bot on <paramref name="database"/> is engaged: what every part of the bot reads.</summary>
    public static bool EngagedIn(EventStoreDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var unit = database.BeginRead();
        return Current(unit).KillSwitchEngaged;
    }

    /// <summary>Engages the kill switch (nothing changes when it is engaged already); returns the status after.</summary>
    public RiskStatus EngageKillSwitch(string? reason, string by)
    {
        Record(new Command.EngageKillSwitch(string.IsNullOrWhiteSpace(reason) ? OperatorReason : reason, KillSwitchCause.Operator, by));
        return Status();
    }

    /// <summary>Resets the kill switch; <c>false</c> (and nothing recorded) when it was not engaged.</summary>
    public bool ResetKillSwitch(string by) => Record(new Command.ResetKillSwitch(by)) is RiskDecision.Accepted;

    /// <summary>
    /// Changes the order and daily limits (a <c>null</c> keeps the one in force); a negative or zero limit is refused
    /// with a <see cref="RiskSettingException"/> naming its field, and then neither changes. Applies to the next hedge decision.
    /// </summary>
    public RiskSettings SetLimits(decimal? orderLimitUsd, decimal? dailyLimitUsd)
    {
        var order = orderLimitUsd is { } orderValue ? RiskSettings.Limit(RiskSettings.OrderLimitField, orderValue) : (Usd?)null;
        var daily = dailyLimitUsd is { } dailyValue ? RiskSettings.Limit(RiskSettings.DailyLimitField, dailyValue) : (Usd?)null;
        while (true)
        {
            var current = Settings;
            var next = current with { OrderLimit = order ?? current.OrderLimit, DailyLimit = daily ?? current.DailyLimit };
            if (Interlocked.CompareExchange(ref settings, next, current) == current)
                return next;
        }
    }

    /// <summary>Replaces every control setting (configuration read again, a scenario's Given step).</summary>
    public void Use(RiskSettings controls)
    {
        ArgumentNullException.ThrowIfNull(controls);
        Volatile.Write(ref settings, controls);
    }

    /// <summary>Records an alert for the operator (an order in doubt, a late fill).</summary>
    public void RaiseAlert(string alert, string detail) => Record(new Command.RaiseAlert(alert, detail));

    /// <summary>
    /// Before a broker order, inside the placing transaction: the shares that may be placed now for a hedge of
    /// <paramref name="wanted"/>, or <c>null</c> when none may (kill switch engaged, a slice too small for the
    /// broker, or the daily limit, which then engages the kill switch).
    /// </summary>
    internal FractionalShares? Admit(UnitOfWork unit, Position position, FractionalShares wanted, SupportedExecutor broker, DateTimeOffset now)
    {
        var controls = Settings;
        var state = Current(unit);
        if (state.KillSwitch is { } engaged)
        {
            if (!ResetsWithTheDay(controls, engaged, now))
                return null;
            Execute(unit, new Command.ResetKillSwitch(NewDay), now);
        }

        var shares = wanted;
        var price = position.LastPriceUsdc;
        if (controls.OrderLimit is { } limit && price is { Value: > 0m } last && last * shares.Value > limit)
        {
            shares = OrderSlice.Within(limit, last, broker);
            if (!OrderSlice.Tradable(shares, last, position.Threshold))
                return null; // a slice below the broker's threshold waits like any small exposure
            Execute(unit, new Command.SliceOrder(position.Symbol, wanted, shares, last, limit), now);
        }

        if (controls.DailyLimit is { } daily && price is { } dayPrice)
        {
            var placed = placedToday.PlacedSince(unit, DayStart(now));
            if (placed + dayPrice.Value * shares.Value > daily.Value)
            {
                Execute(unit, new Command.EngageKillSwitch($"daily limit of {RiskSettings.Money(daily)} reached", KillSwitchCause.DailyLimit, ByTheBot), now);
                return null;
            }
        }

        return shares;
    }

    /// <summary>After a broker order failed, inside the transaction that records it: enough failures in a row engage the kill switch.</summary>
    internal void AfterFailure(UnitOfWork unit, DateTimeOffset now)
    {
        if (Settings.KillSwitchAfterFailures is not { } enough)
            return;
        var state = Current(unit);
        if (state.KillSwitchEngaged || OrderTotals.FailuresInARow(unit, orders, state.LastResetAt, enough) < enough)
            return;
        Execute(unit, new Command.EngageKillSwitch($"{enough} failed broker orders in a row", KillSwitchCause.FailedOrders, ByTheBot), now);
    }

    /// <summary>
    /// The probe of the position checker's tick, alone: reads the brokers' accounts and records a fallback started
    /// or ended. Returns where new hedges go, or <c>null</c> when no broker may take them.
    /// </summary>
    public async Task<BrokerRoute.Choice?> CheckBrokersAsync(CancellationToken cancellationToken)
    {
        var choice = await Brokers.ProbeAsync(cancellationToken).ConfigureAwait(false);
        OnCheckerTick(choice);
        return choice;
    }

    /// <summary>
    /// What the position checker's tick decides before hedging: a new UTC day resets a kill switch the daily limit
    /// engaged (with <see cref="RiskSettings.AutoResetDaily"/>), and new hedges go to the fallback broker or back
    /// to the main one as the probe found. Writes only when something changes.
    /// </summary>
    internal void OnCheckerTick(BrokerRoute.Choice? choice)
    {
        var now = clock.GetUtcNow();
        var controls = Settings;
        bool Changes(RiskControl state) =>
            (state.KillSwitch is { } engaged && ResetsWithTheDay(controls, engaged, now))
            || (Brokers.Fallback is not null && choice is not null && choice.OnFallback != (state.Fallback is not null));
        using (var read = database.BeginRead())
        {
            if (!Changes(Current(read)))
                return;
        }

        using var unit = database.BeginWrite();
        var state = Current(unit);
        if (state.KillSwitch is { } dailyLimit && ResetsWithTheDay(controls, dailyLimit, now))
            Execute(unit, new Command.ResetKillSwitch(NewDay), now);
        if (Brokers.Fallback is not null && choice is { OnFallback: true } && state.Fallback is null)
            Execute(unit, new Command.StartFallback(Brokers.Main.Kind, choice.Broker.Kind, choice.Reason), now);
        else if (Brokers.Fallback is not null && choice is { OnFallback: false } && state.Fallback is not null)
            Execute(unit, new Command.EndFallback(Brokers.Main.Kind), now);
        unit.Commit();
    }

    internal static RiskControl Current(UnitOfWork unit) => unit.Load(RiskControlDecider.Kind, RiskControl.Id).State ?? RiskControl.Initial;

    private static bool ResetsWithTheDay(RiskSettings controls, KillSwitchState engaged, DateTimeOffset now) =>
        controls.AutoResetDaily && engaged.Cause == KillSwitchCause.DailyLimit && engaged.EngagedAt < DayStart(now);

    private static DateTimeOffset DayStart(DateTimeOffset now) => new(now.UtcDateTime.Date, TimeSpan.Zero);

    private RiskDecision Execute(UnitOfWork unit, Command command, DateTimeOffset now)
    {
        var decision = unit.Execute(RiskControlDecider.Kind, RiskControl.Id, state => RiskControlDecider.Decide(state ?? RiskControl.Initial, command, now));
        if (decision is RiskDecision.Accepted accepted)
            LogAlerts(accepted.Events);
        return decision;
    }

    private RiskDecision Record(Command command)
    {
        using var unit = database.BeginWrite();
        var decision = Execute(unit, command, clock.GetUtcNow());
        if (decision is RiskDecision.Rejected { Error: RiskControlError.Blank blank })
            throw new RiskSettingException(blank.Field, $"{blank.Field} must not be empty");
        unit.Commit();
        return decision;
    }
}
