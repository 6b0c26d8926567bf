using System.Text.Json;

namespace DualHome.Testbed.Traffic;

/// <summary>An interface's 64-bit packet counters, from <c>ip -s -j link show dev X</c> (stats64).</summary>
public sealed record LinkCounters(long RxPackets, long RxDropped, long TxPackets, long TxDropped)
{
    public static async Task<LinkCounters> ReadAsync(Site site, Node node, string device) =>
        Parse((await site.ExecCheckedAsync(node, "ip", "-s", "-j", "link", "show", "dev", device)).Stdout);

    public static LinkCounters Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var stats = doc.RootElement[0].GetProperty("stats64");
        var rx = stats.GetProperty("rx");
        var tx = stats.GetProperty("tx");
        return new LinkCounters(rx.GetProperty("packets").GetInt64(), rx.GetProperty("dropped").GetInt64(),
            tx.GetProperty("packets").GetInt64(), tx.GetProperty("dropped").GetInt64());
    }
}
