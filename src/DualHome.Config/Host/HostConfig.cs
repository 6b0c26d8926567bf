using System.Net;

namespace DualHome.Config.Host;

/// <summary>The validated host-mode configuration (issue 11). Built only by <see cref="HostConfigLoader"/>.</summary>
public sealed record HostConfig(string Interface, ProbeConfig Probe, MptcpConfig Mptcp, ExitConfig Exit, string LogLevel);

public sealed record MptcpConfig(bool Enabled, int MaxSubflows);

public sealed record ExitConfig(bool Enabled, int WindowRounds, double LossFraction, double RttFactor, TimeSpan RttMargin);
