using DualHome.Config.Options;

namespace DualHome.Config;

/// <summary>Turns bound options into a <see cref="SiteConfig"/>, or into errors that name the key and value.</summary>
public static class ConfigValidator
{
    public static SiteConfig? Validate(DualHomeOptions o, List<ConfigIssue> issues)
    {
        int before = issues.Count(i => i.Severity == IssueSeverity.Error);
        var lan = ValidateLan(o.Lan, issues);
        var uplinks = UplinkValidator.ValidateAll(o.Uplinks, issues);
        var dataPlane = ValidateDataPlane(o.DataPlane, issues);
        var log = ValidateLog(o.Log, issues);
        var dns = DnsValidator.Validate(o.Dns, issues);
        RequireNonEmpty("Control.Socket", o.Control.Socket, issues);
        RequireNonEmpty("State.Directory", o.State.Directory, issues);
        RequireNonEmpty("Board.Profile", o.Board.Profile, issues);
        var peers = ValidatePeers(o.Peers, issues);
        bool failed = issues.Count(i => i.Severity == IssueSeverity.Error) > before;
        return failed ? null : new SiteConfig(lan!, uplinks, dataPlane, o.Control.Socket, log, o.State.Directory,
            new BoardConfig(o.Board.Profile, o.Board.LedClassRoot), dns, peers);
    }

    private static PeersConfig ValidatePeers(PeersOptions p, List<ConfigIssue> issues)
    {
        if (p.Mode is not ("off" or "auto"))
            issues.Add(ConfigIssue.Error("Peers.Mode", $"'{p.Mode}' is not one of off, auto"));
        // Faster than 10 ms is noise on a LAN; slower than 10 s is no faster than the RAs themselves.
        if (p.HeartbeatIntervalMs is < 10 or > 10_000)
            issues.Add(ConfigIssue.Error("Peers.HeartbeatIntervalMs", $"{p.HeartbeatIntervalMs} is outside 10..10000"));
        if (p.DeadAfter is < 2 or > 100)
            issues.Add(ConfigIssue.Error("Peers.DeadAfter", $"{p.DeadAfter} is outside 2..100 (one lost heartbeat must not kill a peer)"));
        if (p.Port is < 1 or > 65535)
            issues.Add(ConfigIssue.Error("Peers.Port", $"{p.Port} is not a UDP port"));
        return new PeersConfig(p.Mode, TimeSpan.FromMilliseconds(p.HeartbeatIntervalMs), p.DeadAfter, p.Port);
    }

    private static LanConfig? ValidateLan(LanOptions lan, List<ConfigIssue> issues)
    {
        RequireNonEmpty("Lan.Interface", lan.Interface, issues);
        var dns = AddressParsing.Addresses("Lan.Dns", lan.Dns, issues);
        var ra = RaValidator.Validate(lan.Ra, issues);
        return ra is null ? null : new LanConfig(lan.Interface, dns, lan.Domains, ra);
    }

    /// <summary>Boards have 4 cores; more workers than cores only contend.</summary>
    public const int MaxWorkers = 16;

    private static List<int> Cpus(List<string> texts, List<ConfigIssue> issues)
    {
        var cpus = new List<int>();
        for (int i = 0; i < texts.Count; i++)
        {
            if (int.TryParse(texts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cpu)
                && cpu <= DataPlaneConfig.MaxCpu)
                cpus.Add(cpu);
            else
                issues.Add(ConfigIssue.Error($"DataPlane.Cpus.{i}", $"'{texts[i]}' is not a CPU number 0..{DataPlaneConfig.MaxCpu}"));
        }
        return cpus;
    }

    private static DataPlaneConfig ValidateDataPlane(DataPlaneOptions d, List<ConfigIssue> issues)
    {
        if (d.Mode is not ("kernel" or "packet"))
            issues.Add(ConfigIssue.Error("DataPlane.Mode", $"'{d.Mode}' is not one of kernel, packet"));
        if (d.Workers is < 1 or > MaxWorkers)
            issues.Add(ConfigIssue.Error("DataPlane.Workers", $"{d.Workers} is outside 1..{MaxWorkers}"));
        if (d.RealtimePriority is < 0 or > 99)
            issues.Add(ConfigIssue.Error("DataPlane.RealtimePriority", $"{d.RealtimePriority} is outside 0..99 (0 = ordinary scheduling)"));
        if (d.RingFrames is < DataPlaneConfig.MinRingFrames or > DataPlaneConfig.MaxRingFrames || d.RingFrames % DataPlaneConfig.RingFramesMultiple != 0)
            issues.Add(ConfigIssue.Error("DataPlane.RingFrames", $"{d.RingFrames} is not a multiple of {DataPlaneConfig.RingFramesMultiple} in " +
                $"{DataPlaneConfig.MinRingFrames}..{DataPlaneConfig.MaxRingFrames}"));
        if (d.CoalesceMicroseconds is < 0 or > DataPlaneConfig.MaxCoalesceMicroseconds)
            issues.Add(ConfigIssue.Error("DataPlane.CoalesceMicroseconds",
                $"{d.CoalesceMicroseconds} is outside 0..{DataPlaneConfig.MaxCoalesceMicroseconds} (0 = woken per frame)"));
        if (d.Offloads is not (DataPlaneConfig.CarryOffloads or DataPlaneConfig.OffloadsOff))
            issues.Add(ConfigIssue.Error("DataPlane.Offloads", $"'{d.Offloads}' is not one of carry, off"));
        return new DataPlaneConfig(d.Mode, d.Workers, d.RealtimePriority, d.RingFrames, d.CoalesceMicroseconds, Cpus(d.Cpus, issues),
            d.IngressDrop, d.Offloads);
    }

    private static LogConfig ValidateLog(LogOptions log, List<ConfigIssue> issues)
    {
        RequireNonEmpty("Log.Path", log.Path, issues);
        string[] levels = ["Trace", "Debug", "Information", "Warning", "Error"];
        if (!levels.Contains(log.Level, StringComparer.OrdinalIgnoreCase))
            issues.Add(ConfigIssue.Error("Log.Level", $"'{log.Level}' is not one of {string.Join(", ", levels)}"));
        if (log.MaxFileBytes < 16 * 1024)
            issues.Add(ConfigIssue.Error("Log.MaxFileBytes", $"{log.MaxFileBytes} is below the minimum of 16384"));
        if (log.MaxFiles is < 1 or > 64)
            issues.Add(ConfigIssue.Error("Log.MaxFiles", $"{log.MaxFiles} is outside 1..64"));
        return new LogConfig(log.Path, log.Level, log.MaxFileBytes, log.MaxFiles);
    }

    internal static void RequireNonEmpty(string key, string? value, List<ConfigIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(value))
            issues.Add(ConfigIssue.Error(key, "is required"));
    }
}
