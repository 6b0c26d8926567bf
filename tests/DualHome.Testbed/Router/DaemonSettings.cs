using System.Text.Json;

namespace DualHome.Testbed.Router;

/// <summary>The probe settings of one uplink as the daemon will use them (defaults filled in).</summary>
public sealed record ProbeSettings(string Uplink, IReadOnlyList<string> Targets, int IntervalMs, int DownAfter, int UpAfter)
{
    public override string ToString() =>
        $"uplink {Uplink}: targets {string.Join(' ', Targets)}, interval {IntervalMs} ms (jittered to 75-100 %), DownAfter {DownAfter}, UpAfter {UpAfter}";
}

/// <summary>
/// The effective configuration of a daemon config file, as <c>dualhomed check --config FILE</c> prints it: the probe
/// settings and RA intervals a measurement ran with, defaults included, from the daemon itself.
/// </summary>
public sealed record DaemonSettings(IReadOnlyList<ProbeSettings> Probes, int RaMinSeconds, int RaMaxSeconds, string Raw)
{
    public static async Task<DaemonSettings> ReadAsync(string configPath)
    {
        var r = (await Command.RunAsync([DaemonBinary.Require(), "check", "--config", configPath])).EnsureSuccess();
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        var ra = root.GetProperty("Lan").GetProperty("Ra");
        var probes = root.GetProperty("Uplinks").EnumerateArray().Select(u =>
        {
            var p = u.GetProperty("Probe");
            return new ProbeSettings(u.GetProperty("Name").GetString()!,
                p.GetProperty("Targets").EnumerateArray().Select(t => t.GetString()!).ToList(),
                p.GetProperty("IntervalMs").GetInt32(), p.GetProperty("DownAfter").GetInt32(), p.GetProperty("UpAfter").GetInt32());
        }).ToList();
        return new DaemonSettings(probes, ra.GetProperty("MinIntervalSeconds").GetInt32(), ra.GetProperty("MaxIntervalSeconds").GetInt32(), r.Stdout);
    }
}
