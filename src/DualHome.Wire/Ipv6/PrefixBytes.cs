using System.Net;

namespace DualHome.Wire.Ipv6;

/// <summary>Prefix field handling shared by the PIO (RFC 4861 §4.6.2) and RIO (RFC 4191 §2.3).</summary>
internal static class PrefixBytes
{
    /// <summary>RFC 4861 §4.6.2 and RFC 4191 §2.3: a prefix length ranges from 0 to 128.</summary>
    public const int MaxPrefixLength = 128;

    /// <summary>
    /// Builds the network from <paramref name="prefix"/> (16 bytes, may be modified), clearing the bits past
    /// <paramref name="prefixLength"/>: RFC 4861 §4.6.2 and RFC 4191 §2.3 say a receiver ignores them, and
    /// <see cref="IPNetwork"/> refuses a base address that has them set.
    /// </summary>
    public static IPNetwork ToNetwork(Span<byte> prefix, int prefixLength)
    {
        ClearHostBits(prefix, prefixLength);
        return new IPNetwork(new IPAddress(prefix), prefixLength);
    }

    private static void ClearHostBits(Span<byte> prefix, int prefixLength)
    {
        int fullBytes = prefixLength / 8;
        int spareBits = prefixLength % 8;
        if (spareBits != 0)
            prefix[fullBytes++] &= (byte)(0xff << (8 - spareBits));
        prefix[fullBytes..].Clear();
    }

    /// <summary>Throws unless <paramref name="network"/> is an IPv6 network (the model's IPNetwork may be IPv4).</summary>
    public static void RequireIpv6(IPNetwork network, string parameterName) =>
        Ipv6Bytes.RequireIpv6(network.BaseAddress, parameterName);
}
