using System.Net;
using System.Text.Json;

namespace DualHome.Testbed;

/// <summary>An IPv6 address as <c>ip -j -6 addr</c> shows it.</summary>
public sealed record AddressInfo(string Interface, IPAddress Address, int PrefixLength, string Scope,
    bool Tentative, bool Deprecated, bool Dynamic, long ValidLifetime, long PreferredLifetime)
{
    /// <summary>Usable for new connections: DAD finished and not deprecated (RFC 4862 §5.5.4).</summary>
    public bool Preferred => !Tentative && !Deprecated;

    public override string ToString() =>
        $"{Address}/{PrefixLength}{(Tentative ? " tentative" : "")}{(Deprecated ? " deprecated" : "")} " +
        $"valid {Lifetime(ValidLifetime)} preferred {Lifetime(PreferredLifetime)}";

    private static string Lifetime(long s) => s == uint.MaxValue ? "forever" : $"{s}s";
}

/// <summary>An IPv6 route as <c>ip -j -6 route</c> shows it.</summary>
public sealed record RouteInfo(string Destination, string? From, IPAddress? Gateway, string? Device, string? Protocol, long? Expires)
{
    public override string ToString() =>
        $"{Destination}{(From is null ? "" : $" from {From}")}{(Gateway is null ? "" : $" via {Gateway}")}" +
        $"{(Device is null ? "" : $" dev {Device}")}{(Protocol is null ? "" : $" proto {Protocol}")}" +
        $"{(Expires is null ? "" : $" expires {Expires}s")}";
}

/// <summary>Parsers for iproute2's JSON output (<c>-j</c>).</summary>
public static class IpJson
{
    public static IReadOnlyList<AddressInfo> Addresses(string json)
    {
        var list = new List<AddressInfo>();
        using var doc = JsonDocument.Parse(Empty(json));
        foreach (var link in doc.RootElement.EnumerateArray())
        {
            var ifname = Str(link, "ifname") ?? "";
            if (!link.TryGetProperty("addr_info", out var infos)) continue;
            foreach (var a in infos.EnumerateArray())
            {
                // `ip -j addr show scope link` leaves {} for the addresses it filtered out.
                if (Str(a, "local") is not { } local || Str(a, "family") != "inet6") continue;
                list.Add(new AddressInfo(ifname, IPAddress.Parse(local), (int)(Int(a, "prefixlen") ?? 128),
                    Str(a, "scope") ?? "", Flag(a, "tentative"), Flag(a, "deprecated"), Flag(a, "dynamic"),
                    Int(a, "valid_life_time") ?? uint.MaxValue, Int(a, "preferred_life_time") ?? uint.MaxValue));
            }
        }
        return list;
    }

    public static IReadOnlyList<RouteInfo> Routes(string json)
    {
        var list = new List<RouteInfo>();
        using var doc = JsonDocument.Parse(Empty(json));
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            var gw = Str(r, "gateway");
            list.Add(new RouteInfo(Str(r, "dst") ?? "", Str(r, "from"), gw is null ? null : IPAddress.Parse(gw),
                Str(r, "dev"), Str(r, "protocol"), Int(r, "expires")));
        }
        return list;
    }

    /// <summary>The link-layer address of an interface from <c>ip -j link show dev X</c>.</summary>
    public static string? LinkAddress(string json)
    {
        using var doc = JsonDocument.Parse(Empty(json));
        return doc.RootElement.EnumerateArray().Select(l => Str(l, "address")).FirstOrDefault();
    }

    /// <summary>Operational state (UP, DOWN, LOWERLAYERDOWN …) from <c>ip -j link show dev X</c>.</summary>
    public static string? OperState(string json)
    {
        using var doc = JsonDocument.Parse(Empty(json));
        return doc.RootElement.EnumerateArray().Select(l => Str(l, "operstate")).FirstOrDefault();
    }

    private static string Empty(string json) => string.IsNullOrWhiteSpace(json) ? "[]" : json;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    private static bool Flag(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
