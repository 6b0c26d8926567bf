using System.Net;
using System.Text.RegularExpressions;
using DualHome.Testbed;
using DualHome.Testbed.Router;

namespace DualHome.Integration.Tests;

/// <summary>
/// What only packet mode does, seen from the host (issue 4): the daemon, not the kernel, forwards; and its ICMPv6
/// errors reach the host as ping reports them — Time Exceeded at hop limit 1, Packet Too Big with the uplink's MTU,
/// and code 5 "source address failed ingress/egress policy" for a source in a dead ISP's prefix (RFC 4443 §3).
/// The rest of the suite runs in packet mode too (build.sh test, DUALHOME_DATAPLANE=packet).
/// </summary>
public sealed partial class PacketModeTests : SiteTest
{
    [Fact(Timeout = 120_000)]
    public Task The_daemon_forwards_and_the_kernel_does_not() => WithSiteAsync(RouterKind.Dualhomed, async site =>
    {
        await site.StartDaemonAsync();
        var source = await HostAddressAsync(site, Isp.A);
        var tcp = await site.TcpConnectAsync(source);
        var counters = (await site.CtlAsync("show", "counters")).Stdout;
        var kernelForwarding = (await site.ExecAsync(Node.Router, "sysctl", "-n", "net.ipv6.conf.all.forwarding")).Stdout.Trim();
        Log($"{tcp}\n{counters}");

        Assert.True(tcp.Connected, tcp.ToString());
        Assert.Equal("0", kernelForwarding);
        Assert.True(Sent(counters, "wana") > 0, $"the daemon sent nothing out of wana:\n{counters}");
        Assert.True(Sent(counters, "lan0") > 0, $"the daemon sent nothing out of lan0:\n{counters}");
    }, dataPlane: "packet");

    /// <summary>DataPlane.IngressDrop: the frames the workers forward no longer also enter the kernel's IPv6 input
    /// (Ip6InReceives of the router's namespace), while the router's own traffic (probes, ND) still does.</summary>
    [Fact(Timeout = 120_000)]
    public Task Forwarded_frames_no_longer_enter_the_kernels_ipv6_input() => WithSiteAsync(RouterKind.Dualhomed, async site =>
    {
        const int Echoes = 200;
        await site.StartDaemonAsync();
        var source = await HostAddressAsync(site, Isp.A);
        Assert.True(await site.PingAsync(source), "no echo through the router before the burst");
        long before = await InReceivesAsync(site);
        var ping = await site.PingReportAsync(source, "-c", $"{Echoes}", "-i", "0.005", "-q");
        long taken = await InReceivesAsync(site) - before;
        var counters = (await site.CtlAsync("show", "counters")).Stdout;
        Log($"{ping}\nIp6InReceives +{taken} during {Echoes} echoes ({2 * Echoes} forwarded frames)\n{counters}");

        Assert.Contains($"{Echoes} received", ping);
        Assert.Contains("ingress drop on", counters);
        Assert.True(taken < Echoes, $"the kernel took in {taken} packets while the workers forwarded {2 * Echoes}");
    }, dataPlane: "packet");

    /// <summary>An address the router gains while running (renumbering, an administrator) reaches the kernel at once:
    /// the ingress drop's map follows the kernel's address notifications.</summary>
    [Fact(Timeout = 120_000)]
    public Task An_address_added_later_still_reaches_the_router() => WithSiteAsync(RouterKind.Dualhomed, async site =>
    {
        var added = IPAddress.Parse("2001:db8:a:1::77");
        await site.StartDaemonAsync();
        var source = await HostAddressAsync(site, Isp.A);
        Assert.Contains("ingress drop on", (await site.CtlAsync("show", "counters")).Stdout);
        await site.ExecCheckedAsync(Node.Router, "ip", "-6", "addr", "add", $"{added}/128", "dev", Topology.RouterLan, "nodad");
        var ping = await site.ExecAsync(Node.Host, "ping", "-6", "-n", "-c", "3", "-i", "0.2", "-W", "1", "-I", source.ToString(), added.ToString());
        Log(ping.Stdout + ping.Stderr);

        Assert.Matches(" [1-3] received", ping.Stdout); // without the map update every echo request would be dropped
    }, dataPlane: "packet");

    [Fact(Timeout = 120_000)]
    public Task Hop_limit_1_gets_time_exceeded_from_the_router() => WithSiteAsync(RouterKind.Dualhomed, async site =>
    {
        await site.StartDaemonAsync();
        var source = await HostAddressAsync(site, Isp.A);
        var ping = await site.PingReportAsync(source, "-t", "1");
        Log(ping);

        Assert.Contains("Time exceeded", ping);
        Assert.Contains($"From {Topology.RouterLanAddress(Isp.A)}", ping); // RFC 4443 §2.2: a global router address
    }, dataPlane: "packet");

    [Fact(Timeout = 120_000)]
    public Task Oversize_packet_gets_packet_too_big_with_the_uplink_mtu() => WithSiteAsync(RouterKind.Dualhomed, async site =>
    {
        await site.ExecCheckedAsync(Node.Router, "ip", "link", "set", "dev", Topology.RouterWan(Isp.A), "mtu", "1400");
        await site.ExecCheckedAsync(Node.IspA, "ip", "link", "set", "dev", Topology.IspDown, "mtu", "1400");
        await site.StartDaemonAsync();
        var source = await HostAddressAsync(site, Isp.A);
        var ping = await site.PingReportAsync(source, "-s", "1400", "-M", "do");
        Log(ping);

        Assert.Contains("mtu=1400", ping); // "Packet too big: mtu=1400"
    }, dataPlane: "packet");

    [Fact(Timeout = 120_000)]
    public Task Source_in_a_dead_isps_prefix_gets_code_5() => WithSiteAsync(RouterKind.Dualhomed, async site =>
    {
        await site.StartDaemonAsync();
        var source = await HostAddressAsync(site, Isp.A);
        Assert.True(await site.PingAsync(source), "ISP A did not work before the failure");
        await site.SilentFailAsync(Isp.A);

        string ping = "";
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(10) && !ping.Contains("Destination unreachable");)
            ping = await site.PingReportAsync(source);
        var status = (await site.CtlAsync("show", "status")).Stdout;
        Log($"{ping}\n{status}");

        // iputils names codes 0–4 only; RFC 4443 §3.1 code 5 prints as "Unknown code 5".
        Assert.Matches("Destination unreachable: (Unknown code 5|Source address failed)", ping);
    }, dataPlane: "packet");

    /// <summary>
    /// DataPlane.Offloads "carry" (the default): the router's GRO merges the host's wire frames, the workers forward
    /// the super-frames whole with their offload header, and ISP A's kernel cuts them up again. The bytes must arrive
    /// as sent (a SHA-256 of 16 MiB on both ends: a segment's checksum is computed after the forward, so it cannot
    /// vouch for the forward), and every segment's checksum must verify at the server: ISP A fills them in software
    /// (its tx-checksumming off) from the partial sum the host's stack left, and the server checks each one (its
    /// rx-checksumming off, so veth does not vouch for them); a wrong offload header shows as TCP InCsumErrors there.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public Task A_tcp_flow_crosses_as_super_frames_intact() => WithSiteAsync(RouterKind.Dualhomed, async site =>
    {
        await site.ExecCheckedAsync(Node.IspA, "ethtool", "-K", Topology.IspUp, "tx", "off", "tso", "off", "gso", "off");
        await site.ExecCheckedAsync(Node.Inet, "ethtool", "-K", Topology.InetDown(Isp.A), "rx", "off");
        await site.StartDaemonAsync();
        var source = await HostAddressAsync(site, Isp.A);
        var groDuring = await GroAsync(site);
        var (sent, received) = await TransferAsync(site, source);
        var counters = (await site.CtlAsync("show", "counters")).Stdout;
        var checksumErrors = await TcpChecksumErrorsAsync(site);
        await site.StopDaemonAsync();
        var groAfter = await GroAsync(site);
        Log($"sent {sent}\nreceived {received}\nserver TCP InCsumErrors {checksumErrors}; lan0 GRO {groDuring} while running, {groAfter} after\n{counters}");

        Assert.Contains("offloads carried (GRO on)", counters);
        Assert.True(SuperFrames(counters) > 0, $"no super-frame was forwarded:\n{counters}");
        Assert.Equal(sent, received);
        Assert.Equal(0, checksumErrors);
        Assert.Equal(("on", "off"), (groDuring, groAfter)); // veth's default is off: the daemon restores it
    }, dataPlane: "packet");

    private const string SinkScript = """
        import hashlib, socket, sys
        s = socket.socket(socket.AF_INET6); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((sys.argv[1], 5300)); s.listen(1); c, _ = s.accept(); h = hashlib.sha256(); n = 0
        while (b := c.recv(1 << 16)): h.update(b); n += len(b)
        print(n, h.hexdigest())
        """;

    private const string SourceScript = """
        import hashlib, random, socket, sys
        data = random.Random(4).randbytes(16 << 20)
        c = socket.create_connection((sys.argv[2], 5300), source_address=(sys.argv[1], 0)); c.sendall(data); c.close()
        print(len(data), hashlib.sha256(data).hexdigest())
        """;

    /// <summary>16 MiB from the host's <paramref name="source"/> to the server; what each end hashed.</summary>
    private static async Task<(string Sent, string Received)> TransferAsync(Site site, IPAddress source)
    {
        using var sink = site.StartBackground("sha-sink", Node.Inet, ["python3", "-c", SinkScript, Topology.Server.ToString()]);
        await Poll.UntilAsync(async () => (await site.ExecAsync(Node.Inet, "ss", "-H", "-ltn", "sport = :5300")).Stdout.Contains(":5300"),
            TimeSpan.FromSeconds(5), "the sink to listen", cancel: Cancel);
        var client = await site.ExecAsync(Node.Host, ["python3", "-c", SourceScript, source.ToString(), Topology.Server.ToString()],
            TimeSpan.FromSeconds(60), cancel: Cancel);
        Assert.True(client.Ok, $"the transfer failed: {client.Stderr}");
        Assert.True(await sink.WaitForExitAsync(TimeSpan.FromSeconds(10)), "the sink did not finish");
        return (client.Stdout.Trim(), sink.ReadStdout().Trim());
    }

    [Fact(Timeout = 120_000)]
    public Task With_offloads_off_every_frame_is_a_wire_frame() => WithSiteAsync(RouterKind.Dualhomed, async site =>
    {
        await site.StartDaemonAsync(c => c["DataPlane"]!["Offloads"] = "off");
        var source = await HostAddressAsync(site, Isp.A);
        var gro = await GroAsync(site);
        var bps = await DualHome.Testbed.Traffic.Iperf.TcpBitsPerSecondAsync(site, source, TimeSpan.FromSeconds(1), Cancel);
        var counters = (await site.CtlAsync("show", "counters")).Stdout;
        Log($"iperf3 {bps / 1e9:0.00} Gbit/s; lan0 GRO {gro}\n{counters}");

        Assert.Contains("offloads off", counters);
        Assert.Equal(-1, SuperFrames(counters));
        Assert.Equal("off", gro);
        Assert.True(bps > 10e6, $"iperf3 got {bps} bit/s through");
    }, dataPlane: "packet");

    private static async Task<string> GroAsync(Site site)
    {
        var lines = (await site.ExecCheckedAsync(Node.Router, "ethtool", "-k", Topology.RouterLan)).Stdout.Split('\n');
        return lines.First(l => l.StartsWith("generic-receive-offload:", StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0];
    }

    /// <summary>Tcp InCsumErrors of the server's namespace (/proc/net/snmp counts IPv4 and IPv6 TCP together).</summary>
    private static async Task<long> TcpChecksumErrorsAsync(Site site)
    {
        var lines = (await site.ExecCheckedAsync(Node.Inet, "cat", "/proc/net/snmp")).Stdout.Split('\n').Where(l => l.StartsWith("Tcp:", StringComparison.Ordinal)).ToList();
        var names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(values[Array.IndexOf(names, "InCsumErrors")], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long SuperFrames(string counters)
    {
        var m = Regex.Match(counters, @"dataplane offloads: super-frames forwarded (\d+)");
        return m.Success ? long.Parse(m.Groups[1].Value) : -1;
    }

    private static async Task<long> InReceivesAsync(Site site)
    {
        var snmp = (await site.ExecCheckedAsync(Node.Router, "cat", "/proc/net/snmp6")).Stdout;
        var line = snmp.Split('\n').Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .First(p => p.Length == 2 && p[0] == "Ip6InReceives");
        return long.Parse(line[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<IPAddress> HostAddressAsync(Site site, Isp isp) =>
        (await site.WaitForHostAddressAsync(Topology.LanPrefix(isp), TimeSpan.FromSeconds(20), Cancel)).Address;


    private static long Sent(string counters, string port)
    {
        var m = Regex.Match(counters, $@"dataplane {port}: received \d+, sent (\d+)");
        return m.Success ? long.Parse(m.Groups[1].Value) : -1;
    }
}
