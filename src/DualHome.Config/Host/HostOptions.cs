using DualHome.Config.Options;

namespace DualHome.Config.Host;

/// <summary>The host-mode file (`dualhomed host --config FILE`, issue 11), as bound from JSON. Defaults here are the
/// documented defaults (README, "Host mode").</summary>
public sealed class HostOptions
{
    /// <summary>The host's interface on the dual-homed LAN.</summary>
    public string Interface { get; set; } = "";
    /// <summary>Per-source probes: the same machine as the router's uplink probes.</summary>
    public ProbeOptions Probe { get; set; } = new();
    public MptcpOptions Mptcp { get; set; } = new();
    public ExitOptions Exit { get; set; } = new();
    public string LogLevel { get; set; } = "Information";
}

public sealed class MptcpOptions
{
    /// <summary>"subflow": an MPTCP subflow endpoint per working global address; "off": leave MPTCP alone.</summary>
    public string Mode { get; set; } = "subflow";
    /// <summary>The kernel's limits while host mode runs (restored at exit): extra subflows per connection.</summary>
    public int MaxSubflows { get; set; } = 2;
}

/// <summary>Exit selection: when one exit is clearly worse over the last <see cref="WindowRounds"/> probe rounds, new
/// connections prefer the other.</summary>
public sealed class ExitOptions
{
    public string Mode { get; set; } = "auto";
    public int WindowRounds { get; set; } = 20;
    /// <summary>Worse: this much probe loss (percent) while the other exit loses less than half of it.</summary>
    public int LossPercent { get; set; } = 20;
    /// <summary>Worse: median RTT above the other's × this factor plus <see cref="RttMarginMs"/>.</summary>
    public double RttFactor { get; set; } = 2.0;
    public int RttMarginMs { get; set; } = 20;
}
