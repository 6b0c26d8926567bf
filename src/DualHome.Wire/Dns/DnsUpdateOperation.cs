using System.Net;
using DualHome.Wire.Ipv6;

namespace DualHome.Wire.Dns;

/// <summary>The update forms of RFC 2136 §2.5 the daemon needs (nsupdate's <c>update</c> command in brackets).</summary>
public static class DnsUpdateOperation
{
    /// <summary>RFC 2181 §8: a TTL is 0..2^31 - 1 seconds.</summary>
    public const uint MaxTtl = int.MaxValue;

    /// <summary>§2.5.1 Add to an RRset [update add NAME TTL AAAA ADDR]: class IN (the zone's class).</summary>
    public static DnsRecord AddAaaa(string name, uint ttl, IPAddress address)
    {
        Ipv6Bytes.RequireIpv6(address, nameof(address));
        if (ttl > MaxTtl)
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "A TTL is at most 2^31 - 1 (RFC 2181 §8).");
        return new DnsRecord(name, DnsType.Aaaa, DnsClass.In, ttl, address);
    }

    /// <summary>§2.5.4 Delete an RR from an RRset [update delete NAME AAAA ADDR]: class NONE, TTL 0.</summary>
    public static DnsRecord DeleteAaaa(string name, IPAddress address)
    {
        Ipv6Bytes.RequireIpv6(address, nameof(address));
        return new DnsRecord(name, DnsType.Aaaa, DnsClass.None, 0, address);
    }

    /// <summary>§2.5.2 Delete an RRset [update delete NAME TYPE]: class ANY, TTL 0, RDLENGTH 0.</summary>
    public static DnsRecord DeleteRRset(string name, DnsType type) => new(name, type, DnsClass.Any, 0);
}
