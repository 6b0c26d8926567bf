using System.Net;
using System.Text.RegularExpressions;

namespace DualHome.Testbed;

/// <summary>How one TCP connection attempt from the host went, and the peer address the server saw.</summary>
public sealed record TcpResult(IPAddress Source, bool Connected, IPAddress? SeenByServer, TimeSpan Elapsed, string Detail)
{
    public override string ToString() => Connected
        ? $"TCP from {Source} connected in {Elapsed.TotalMilliseconds:0} ms; server saw {SeenByServer}"
        : $"TCP from {Source} failed after {Elapsed.TotalMilliseconds:0} ms: {Detail}";
}

/// <summary>Traffic between the host and the server: a TCP server in inet, clients bound to a chosen source.</summary>
public sealed partial class Site
{
    /// <summary>TCP port of the server on 2001:db8:ffff::1; it answers each connection with <c>peer=[addr]</c>.</summary>
    public const int ServerPort = 7000;

    /// <summary>TCP port of the probe server (tcpprobe.py serve) on 2001:db8:ffff::1: same answer, no fork per connection.</summary>
    public const int ProbeServerPort = 7001;

    private BackgroundProcess? _server;
    private BackgroundProcess? _probeServer;
    private readonly SemaphoreSlim _serverLock = new(1, 1);

    /// <summary>Starts the TCP server in inet once (socat, one fork per connection) and waits until it listens.</summary>
    public async Task EnsureServerAsync()
    {
        await _serverLock.WaitAsync();
        try
        {
            if (_server is { HasExited: false }) return;
            _server = StartBackground("server", Node.Inet,
                ["socat", "-6", $"TCP6-LISTEN:{ServerPort},fork,reuseaddr", "SYSTEM:echo peer=$SOCAT_PEERADDR"]);
            await Poll.UntilAsync(async () => _server.HasExited ||
                    (await ExecAsync(Node.Inet, "ss", "-H", "-ltn", $"sport = :{ServerPort}")).Stdout.Contains($":{ServerPort}"),
                TimeSpan.FromSeconds(5), "the TCP server to listen");
            if (_server.HasExited) throw new TestbedException($"server exited: {_server.ReadStderr()}");
        }
        finally
        {
            _serverLock.Release();
        }
    }

    /// <summary>Starts the probe server in inet once (for <see cref="Probing.TcpProber"/>) and waits until it listens.</summary>
    public async Task EnsureProbeServerAsync()
    {
        await _serverLock.WaitAsync();
        try
        {
            if (_probeServer is { HasExited: false }) return;
            var script = TestbedScripts.Extract("tcpprobe.py", WorkDirectory);
            _probeServer = StartBackground("probe-server", Node.Inet, [Prerequisites.Python, "-u", script, "serve", "--port", ProbeServerPort.ToString()]);
            await Poll.UntilAsync(() => Task.FromResult(_probeServer.HasExited || _probeServer.ReadStdout().Contains("listening")),
                TimeSpan.FromSeconds(5), "the probe server to listen");
            if (_probeServer.HasExited) throw new TestbedException($"probe server exited: {_probeServer.ReadStderr()}");
        }
        finally
        {
            _serverLock.Release();
        }
    }

    /// <summary>
    /// Opens a TCP connection from the host, bound to <paramref name="source"/>, to the server and reads the
    /// peer address the server saw (so no translation happened on the way).
    /// </summary>
    public async Task<TcpResult> TcpConnectAsync(IPAddress source, TimeSpan? connectTimeout = null)
    {
        await EnsureServerAsync();
        var t = connectTimeout ?? TimeSpan.FromSeconds(3);
        var r = await ExecAsync(Node.Host,
            ["socat", "-6", "-T", "3", "-", $"TCP6:[{Topology.Server}]:{ServerPort},bind=[{source}],connect-timeout={t.TotalSeconds:0.###}"],
            t + TimeSpan.FromSeconds(5), stdin: "");
        var m = PeerLine().Match(r.Stdout);
        IPAddress? seen = m.Success && IPAddress.TryParse(m.Groups[1].Value, out var a) ? a : null;
        var detail = r.Ok ? r.Stdout.Trim() : $"exit {r.ExitCode}: {r.Stderr.Trim()}";
        return new TcpResult(source, r.Ok && seen is not null, seen, r.Elapsed, detail);
    }

    /// <summary>One ICMPv6 echo from the host with a chosen source; true if answered within <paramref name="waitSeconds"/>.</summary>
    public async Task<bool> PingAsync(IPAddress source, int waitSeconds = 2) =>
        (await ExecAsync(Node.Host, "ping", "-6", "-n", "-c", "1", "-W", waitSeconds.ToString(), "-I", source.ToString(), Topology.Server.ToString())).Ok;

    /// <summary>One ping from the host with a chosen source, and what ping printed (e.g. which ICMPv6 error came back).</summary>
    public async Task<string> PingReportAsync(IPAddress source, params string[] options)
    {
        var r = await ExecAsync(Node.Host, ["ping", "-6", "-n", "-c", "1", "-W", "2", "-I", source.ToString(), .. options, Topology.Server.ToString()]);
        return r.Stdout + r.Stderr;
    }

    /// <summary>Adds an extra address on the host's eth0 without DAD (e.g. the foreign, "spoofed" source).</summary>
    public Task AddHostAddressAsync(IPAddress address, int prefixLength = 64) =>
        ExecCheckedAsync(Node.Host, "ip", "-6", "addr", "add", $"{address}/{prefixLength}", "dev", Topology.HostLan, "nodad");

    /// <summary>Removes an address added with <see cref="AddHostAddressAsync"/>.</summary>
    public Task RemoveHostAddressAsync(IPAddress address, int prefixLength = 64) =>
        ExecCheckedAsync(Node.Host, "ip", "-6", "addr", "del", $"{address}/{prefixLength}", "dev", Topology.HostLan);

    [GeneratedRegex(@"peer=\[([0-9a-fA-F:.]+)\]")]
    private static partial Regex PeerLine();
}
