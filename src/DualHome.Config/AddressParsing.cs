using System.Net;
using System.Net.Sockets;

namespace DualHome.Config;

/// <summary>Parses IPv6 values of the file, reporting the key on failure.</summary>
internal static class AddressParsing
{
    public static IPAddress? Address(string key, string? text, List<ConfigIssue> issues)
    {
        if (IPAddress.TryParse(text ?? "", out var a) && a.AddressFamily == AddressFamily.InterNetworkV6)
            return a;
        issues.Add(ConfigIssue.Error(key, $"'{text}' is not an IPv6 address"));
        return null;
    }

    public static List<IPAddress> Addresses(string key, IEnumerable<string> texts, List<ConfigIssue> issues)
    {
        var list = new List<IPAddress>();
        int i = 0;
        foreach (var t in texts)
            if (Address($"{key}.{i++}", t, issues) is { } a) list.Add(a);
        return list;
    }

    /// <summary>A LAN prefix must be a /64 (SLAAC, RFC 4862 §5.5.3 d with RFC 2464 §4) with no host bits set.</summary>
    public static IPNetwork? LanPrefix(string key, string? text, List<ConfigIssue> issues)
    {
        if (!IPNetwork.TryParse(text ?? "", out var net) || net.BaseAddress.AddressFamily != AddressFamily.InterNetworkV6)
        {
            issues.Add(ConfigIssue.Error(key, $"'{text}' is not an IPv6 prefix (expected e.g. 2001:db8:a:1::/64)"));
            return null;
        }
        if (net.PrefixLength != 64)
        {
            issues.Add(ConfigIssue.Error(key, $"'{text}' is a /{net.PrefixLength}; a LAN prefix must be a /64 for SLAAC (RFC 4862 §5.5.3)"));
            return null;
        }
        return net;
    }
}
