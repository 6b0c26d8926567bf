using System.Net;
using System.Text.Json;

namespace DualHome.Testbed;

/// <summary>
/// The nftables table each ISP runs (testbed.md, "Each ISP ingress-filters"):
/// <list type="bullet">
/// <item><c>prerouting</c>: per-source packet counts of everything arriving on rtr0 (set <c>rtr0_src</c>) and a
///   counter <c>rtr0_foreign</c> for sources in neither site /48 — proves which ISP carried a flow and that a
///   spoofed source never left the router.</item>
/// <item><c>failure</c> (forward, priority filter − 10): empty; <see cref="Site.SilentFailAsync"/> adds drops here.</item>
/// <item><c>ingress_filter</c> (forward, priority filter): BCP 38 — drop and count (<c>ingress_drop</c>) a packet from
///   rtr0 whose source is outside this ISP's /48; count the rest (<c>rtr0_accepted</c>).</item>
/// </list>
/// Link-local and unspecified sources (ND, MLD, DAD) are left out of the per-source counts.
/// </summary>
public static class IspFilter
{
    public const string Table = "dualhome_isp";
    public const string FailureChain = "failure";
    public const string SourceSet = "rtr0_src";

    public static string Ruleset(Isp isp)
    {
        var own = Topology.Delegated(isp);
        var site = string.Join(", ", Topology.Isps.Select(i => Topology.Delegated(i).ToString()));
        return $$"""
            table inet {{Table}} {
              counter ingress_drop { }
              counter rtr0_accepted { }
              counter rtr0_foreign { }
              set {{SourceSet}} { type ipv6_addr; size 65536; flags dynamic; counter; }
              chain prerouting {
                type filter hook prerouting priority raw; policy accept;
                iifname "{{Topology.IspDown}}" ip6 saddr != { ::/128, fe80::/10 } update @{{SourceSet}} { ip6 saddr }
                iifname "{{Topology.IspDown}}" ip6 saddr != { ::/128, fe80::/10, {{site}} } counter name rtr0_foreign
              }
              chain {{FailureChain}} {
                type filter hook forward priority filter - 10; policy accept;
              }
              chain ingress_filter {
                type filter hook forward priority filter; policy accept;
                iifname "{{Topology.IspDown}}" ip6 saddr != {{own}} counter name ingress_drop drop
                iifname "{{Topology.IspDown}}" counter name rtr0_accepted accept
              }
            }
            """;
    }

    /// <summary>
    /// Rules that make the ISP silently dead: nothing crosses inet0, carrier stays up. One nft script, applied as one
    /// transaction, so both directions die at the same instant.
    /// </summary>
    /// <summary>A lossy ISP (issue 11's exit selection): drops <paramref name="percent"/> % of what crosses inet0, at
    /// random, in the same failure chain (emptied by <see cref="Site.RestoreAsync"/>).</summary>
    public static string LossScript(int percent) =>
        $"add rule inet {Table} {FailureChain} iifname \"{Topology.IspUp}\" numgen random mod 100 < {percent} counter drop\n" +
        $"add rule inet {Table} {FailureChain} oifname \"{Topology.IspUp}\" numgen random mod 100 < {percent} counter drop\n";

    public static string SilentFailScript() =>
        $"add rule inet {Table} {FailureChain} iifname \"{Topology.IspUp}\" counter drop\n" +
        $"add rule inet {Table} {FailureChain} oifname \"{Topology.IspUp}\" counter drop\n";

    /// <summary>Parses <c>nft -j list counters</c> and <c>nft -j list set inet dualhome_isp rtr0_src</c>.</summary>
    public static IspCounters Parse(Isp isp, string countersJson, string setJson)
    {
        var named = new Dictionary<string, long>();
        foreach (var item in Items(countersJson, "counter"))
            named[item.GetProperty("name").GetString()!] = item.GetProperty("packets").GetInt64();
        var bySource = new Dictionary<IPAddress, long>();
        foreach (var set in Items(setJson, "set"))
        {
            if (!set.TryGetProperty("elem", out var elems)) continue;
            foreach (var e in elems.EnumerateArray())
            {
                var elem = e.GetProperty("elem");
                bySource[IPAddress.Parse(elem.GetProperty("val").GetString()!)] = elem.GetProperty("counter").GetProperty("packets").GetInt64();
            }
        }
        return new IspCounters(isp, named.GetValueOrDefault("ingress_drop"), named.GetValueOrDefault("rtr0_accepted"),
            named.GetValueOrDefault("rtr0_foreign"), bySource);
    }

    private static IEnumerable<JsonElement> Items(string json, string kind)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{\"nftables\":[]}" : json);
        return doc.RootElement.GetProperty("nftables").EnumerateArray()
            .Where(i => i.TryGetProperty(kind, out _)).Select(i => i.GetProperty(kind).Clone()).ToList();
    }
}

/// <summary>One ISP's counters at one moment (packets).</summary>
public sealed record IspCounters(Isp Isp, long IngressDrop, long Rtr0Accepted, long Rtr0Foreign, IReadOnlyDictionary<IPAddress, long> BySource)
{
    /// <summary>Packets this ISP received on rtr0 from <paramref name="source"/> so far.</summary>
    public long From(IPAddress source) => BySource.GetValueOrDefault(source);

    public override string ToString() =>
        $"ISP {Isp}: ingress_drop {IngressDrop}, rtr0_accepted {Rtr0Accepted}, rtr0_foreign {Rtr0Foreign}, " +
        $"sources [{string.Join(", ", BySource.Select(kv => $"{kv.Key}={kv.Value}"))}]";
}
