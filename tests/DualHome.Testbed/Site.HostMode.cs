using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualHome.Testbed.Router;

namespace DualHome.Testbed;

/// <summary>What one paced transfer's receiver saw (Scripts/transfer.py): bytes, the longest gap between two reads,
/// and whether the connection was reset.</summary>
public sealed record TransferResult(long Bytes, double MaxGapMs, double Seconds, bool Reset, string Peer)
{
    public override string ToString() =>
        $"{Bytes} bytes in {Seconds:0.0} s, longest stall {MaxGapMs:0} ms{(Reset ? ", RESET" : "")}, from {Peer}";
}

/// <summary>Issue 11: `dualhomed host` on the site's host, and paced TCP/MPTCP transfers to the server.</summary>
public sealed partial class Site
{
    /// <summary>Starts host mode in the host namespace: eth0, probing the server every 100 ms, changed by
    /// <paramref name="configure"/>.</summary>
    public BackgroundProcess StartHostMode(Action<JsonObject>? configure = null)
    {
        var config = new JsonObject
        {
            ["Interface"] = Topology.HostLan,
            ["Probe"] = new JsonObject { ["Targets"] = new JsonArray(Topology.Server.ToString()), ["IntervalMs"] = 100 },
        };
        configure?.Invoke(config);
        var path = Path.Combine(WorkDirectory, "host.json");
        File.WriteAllText(path, DaemonConfig.Serialize(config));
        return StartBackground("host-mode", Node.Host, [DaemonBinary.Require(), "host", "--config", path]);
    }

    /// <summary>Waits until the host's MPTCP endpoints include every one of <paramref name="addresses"/> (host mode
    /// added them); false after <paramref name="timeout"/>.</summary>
    public Task<bool> WaitForMptcpEndpointsAsync(TimeSpan timeout, CancellationToken cancel, params IPAddress[] addresses) =>
        WaitForAsync(async () =>
        {
            var show = (await ExecAsync(Node.Host, "ip", "mptcp", "endpoint", "show")).Stdout;
            return addresses.All(a => show.Contains($"{a} ", StringComparison.Ordinal));
        }, timeout, cancel);

    /// <summary>MPTCP on the server: the in-kernel path manager accepts extra subflows (the host opens them).</summary>
    public Task EnableServerMptcpAsync() =>
        ExecCheckedAsync(Node.Inet, "ip", "mptcp", "limits", "set", "subflow", "4", "add_addr_accepted", "4");

    /// <summary>A one-connection receiver on the server (proto "mptcp" or "tcp"); its result is read with
    /// <see cref="ReadTransferAsync"/> once the sender closed.</summary>
    public async Task<(BackgroundProcess Process, string ResultPath)> StartTransferServerAsync(int port, string proto)
    {
        var script = TestbedScripts.Extract("transfer.py", WorkDirectory);
        var result = Path.Combine(WorkDirectory, $"transfer-{port}.json");
        var p = StartBackground($"transfer-server-{port}", Node.Inet, ["/usr/bin/python3", script, "serve", port.ToString(), proto, result]);
        await Poll.UntilAsync(() => Task.FromResult(p.HasExited || p.ReadStdout().Contains("listening", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(5), $"transfer server on port {port}", Poll.Fine);
        if (p.HasExited) throw new TestbedException($"transfer server exited: {p.ReadStderr().Trim()}");
        return (p, result);
    }

    /// <summary>A paced sender on the host, bound to <paramref name="source"/>.</summary>
    public BackgroundProcess StartTransfer(IPAddress source, int port, string proto, TimeSpan duration, int bytesPerSecond) =>
        StartBackground($"transfer-{port}", Node.Host, ["/usr/bin/python3", TestbedScripts.Extract("transfer.py", WorkDirectory), "send",
            Topology.Server.ToString(), port.ToString(), source.ToString(), proto, duration.TotalSeconds.ToString("0.###"), bytesPerSecond.ToString()]);

    /// <summary>The receiver's result, waiting up to <paramref name="timeout"/> for it to be written.</summary>
    public async Task<TransferResult> ReadTransferAsync(string resultPath, TimeSpan timeout)
    {
        await Poll.UntilAsync(() => Task.FromResult(File.Exists(resultPath) && new FileInfo(resultPath).Length > 0), timeout,
            $"transfer result {resultPath}", TimeSpan.FromMilliseconds(100));
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(resultPath));
        var r = doc.RootElement;
        return new TransferResult(r.GetProperty("bytes").GetInt64(), r.GetProperty("max_gap_ms").GetDouble(),
            r.GetProperty("seconds").GetDouble(), r.GetProperty("reset").GetBoolean(), r.GetProperty("peer").GetString() ?? "");
    }

    /// <summary>Bytes acknowledged on the host's established TCP subflows from <paramref name="source"/> to the server's
    /// <paramref name="port"/> (<c>ss -ti</c>): proof that an MPTCP connection carries data from that address.</summary>
    public async Task<long> SubflowBytesAckedAsync(IPAddress source, int port)
    {
        var r = await ExecAsync(Node.Host, "ss", "-Htin", "state", "established", "src", $"[{source}]", "dport", $"= :{port}");
        return System.Text.RegularExpressions.Regex.Matches(r.Stdout, @"bytes_acked:(\d+)").Sum(m => long.Parse(m.Groups[1].Value));
    }
}
