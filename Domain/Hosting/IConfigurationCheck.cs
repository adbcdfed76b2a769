using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Settings that can be wrong even when every value has the right type (a negative limit, an unknown broker):
/// <see cref="ConfigurationFile"/> checks them once read and refuses the file with the line of the key.
/// </summary>
public interface IConfigurationCheck
{
    /// <exception cref="RiskSettingException">A setting cannot be used; its <see cref="RiskSettingException.Field"/> is the key.</exception>
    void Check();
}
