using DualHome.Config.Options;

namespace DualHome.Config.Host;

/// <summary>Turns bound host options into a <see cref="HostConfig"/>, or into errors naming the key and value.</summary>
internal static class HostConfigValidator
{
    public static HostConfig? Validate(HostOptions o, List<ConfigIssue> issues)
    {
        int before = issues.Count(i => i.Severity == IssueSeverity.Error);
        if (string.IsNullOrWhiteSpace(o.Interface)) issues.Add(ConfigIssue.Error("Interface", "required"));
        var probe = UplinkValidator.ValidateProbe("Probe", o.Probe, issues);
        if (probe is { Targets.Count: 0 }) issues.Add(ConfigIssue.Error("Probe.Targets", "at least one target beyond the routers is required (e.g. a server both ISPs reach)"));
        if (o.Mptcp.Mode is not ("subflow" or "off")) issues.Add(ConfigIssue.Error("Mptcp.Mode", $"'{o.Mptcp.Mode}' is not one of subflow, off"));
        if (o.Mptcp.MaxSubflows is < 1 or > 8) issues.Add(ConfigIssue.Error("Mptcp.MaxSubflows", $"{o.Mptcp.MaxSubflows} is outside 1..8 (the kernel's MPTCP_PM_ADDR_MAX)"));
        var exit = ValidateExit(o.Exit, issues);
        bool failed = issues.Count(i => i.Severity == IssueSeverity.Error) > before;
        return failed || probe is null ? null
            : new HostConfig(o.Interface, probe, new MptcpConfig(o.Mptcp.Mode == "subflow", o.Mptcp.MaxSubflows), exit, o.LogLevel);
    }

    private static ExitConfig ValidateExit(ExitOptions e, List<ConfigIssue> issues)
    {
        if (e.Mode is not ("auto" or "off")) issues.Add(ConfigIssue.Error("Exit.Mode", $"'{e.Mode}' is not one of auto, off"));
        if (e.WindowRounds is < 5 or > 1000) issues.Add(ConfigIssue.Error("Exit.WindowRounds", $"{e.WindowRounds} is outside 5..1000"));
        if (e.LossPercent is < 1 or > 99) issues.Add(ConfigIssue.Error("Exit.LossPercent", $"{e.LossPercent} is outside 1..99"));
        if (e.RttFactor is < 1.1 or > 100) issues.Add(ConfigIssue.Error("Exit.RttFactor", $"{e.RttFactor} is outside 1.1..100"));
        if (e.RttMarginMs is < 0 or > 10_000) issues.Add(ConfigIssue.Error("Exit.RttMarginMs", $"{e.RttMarginMs} is outside 0..10000"));
        return new ExitConfig(e.Mode == "auto", e.WindowRounds, e.LossPercent / 100.0, e.RttFactor, TimeSpan.FromMilliseconds(e.RttMarginMs));
    }
}
