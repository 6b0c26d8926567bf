using System.Text.RegularExpressions;

namespace DualHome.Testbed.Traffic;

/// <summary>
/// An nft table of its own in an ISP that counts and drops a UDP flood as it arrives on rtr0, so that neither the
/// ISP nor the server burns the CPUs the router under test needs. Its prerouting chain runs before the ISP's own
/// (priority raw, which updates a per-source set for every packet). The counter holds only the flood's packets,
/// unlike rtr0's rx counter, which also counts the daemon's probes and ND.
/// </summary>
public sealed partial class FloodSink : IAsyncDisposable
{
    public const string Table = "dualhome_bench_sink";
    private const string Chain = "flood";
    private readonly Site _site;
    private readonly Node _node;

    private FloodSink(Site site, Node node)
    {
        _site = site;
        _node = node;
    }

    public static async Task<FloodSink> AddAsync(Site site, Isp isp, ushort port = UdpFrame.DiscardPort)
    {
        var node = Topology.NodeOf(isp);
        var ruleset = $$"""
            table ip6 {{Table}} {
              chain {{Chain}} {
                type filter hook prerouting priority raw - 50; policy accept;
                iifname "{{Topology.IspDown}}" udp dport {{port}} counter drop
              }
            }
            """;
        (await site.ExecAsync(node, ["nft", "-f", "-"], stdin: ruleset)).EnsureSuccess();
        return new FloodSink(site, node);
    }

    /// <summary>Packets of the flood that reached the ISP so far.</summary>
    public async Task<long> PacketsAsync()
    {
        var text = (await _site.ExecCheckedAsync(_node, "nft", "list", "chain", "ip6", Table, Chain)).Stdout;
        var m = CounterPackets().Match(text);
        return m.Success ? long.Parse(m.Groups[1].Value) : throw new TestbedException($"no counter in {Table}: {text}");
    }

    public async ValueTask DisposeAsync() => await _site.ExecAsync(_node, "nft", "delete", "table", "ip6", Table);

    [GeneratedRegex(@"counter packets (\d+)")]
    private static partial Regex CounterPackets();
}
