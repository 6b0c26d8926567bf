using System.Net;
using System.Net.NetworkInformation;

namespace DualHome.Wire.Nd;

/// <summary>Prefix Information option (type 3), RFC 4861 §4.6.2.</summary>
public sealed record PrefixInformation(
    IPNetwork Prefix, bool OnLink, bool Autonomous, uint ValidLifetime, uint PreferredLifetime);

/// <summary>Recursive DNS Server option (type 25), RFC 8106 §5.1.</summary>
public sealed record RecursiveDnsServers(uint Lifetime, IReadOnlyList<IPAddress> Servers)
{
    /// <summary>Value equality, servers compared in order (a record compares lists by reference).</summary>
    public bool Equals(RecursiveDnsServers? other) =>
        other is not null && Lifetime == other.Lifetime && Servers.SequenceEqual(other.Servers);

    public override int GetHashCode() => HashCode.Combine(Lifetime, Servers.Count);
}

/// <summary>DNS Search List option (type 31), RFC 8106 §5.2.</summary>
public sealed record DnsSearchList(uint Lifetime, IReadOnlyList<string> Domains)
{
    /// <summary>Value equality, domains compared in order and by exact spelling (that is what goes on the wire).</summary>
    public bool Equals(DnsSearchList? other) =>
        other is not null && Lifetime == other.Lifetime && Domains.SequenceEqual(other.Domains, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Lifetime, Domains.Count);
}

/// <summary>Route Information option (type 24), RFC 4191 §2.3.</summary>
public sealed record RouteInformation(IPNetwork Prefix, RouterPreference Preference, uint Lifetime);

/// <summary>Link-layer address options (types 1 and 2), RFC 4861 §4.6.1; Ethernet only (6 bytes, RFC 2464 §6).</summary>
public static class LinkLayer
{
    public const int EthernetLength = 6;
    public static bool IsEthernet(PhysicalAddress? a) => a is not null && a.GetAddressBytes().Length == EthernetLength;
}
