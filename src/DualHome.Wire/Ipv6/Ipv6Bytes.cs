using System.Net;
using System.Net.Sockets;

namespace DualHome.Wire.Ipv6;

/// <summary>Address-class tests on a 16-byte IPv6 address in network order (RFC 4291), without allocating.</summary>
public static class Ipv6Bytes
{
    /// <summary>RFC 8200 §3: an IPv6 address is 128 bits.</summary>
    public const int AddressLength = 16;

    /// <summary>RFC 4291 §2.5.2: the unspecified address is all zeros.</summary>
    public static bool IsUnspecified(ReadOnlySpan<byte> address) =>
        address.Length == AddressLength && !address.ContainsAnyExcept((byte)0);

    /// <summary>RFC 4291 §2.5.3: the loopback address is ::1.</summary>
    public static bool IsLoopback(ReadOnlySpan<byte> address) =>
        address.Length == AddressLength && !address[..15].ContainsAnyExcept((byte)0) && address[15] == 1;

    /// <summary>RFC 4291 §2.5.6: link-local unicast is fe80::/10.</summary>
    public static bool IsLinkLocalUnicast(ReadOnlySpan<byte> address) =>
        address.Length == AddressLength && address[0] == 0xfe && (address[1] & 0xc0) == 0x80;

    /// <summary>RFC 4291 §2.7: multicast is ff00::/8.</summary>
    public static bool IsMulticast(ReadOnlySpan<byte> address) =>
        address.Length == AddressLength && address[0] == 0xff;

    /// <summary>RFC 4291 §2.7.1: solicited-node multicast is ff02::1:ff00:0/104.</summary>
    public static bool IsSolicitedNodeMulticast(ReadOnlySpan<byte> address) =>
        address.Length == AddressLength && address[..13].SequenceEqual(SolicitedNodePrefix);

    private static ReadOnlySpan<byte> SolicitedNodePrefix =>
        [0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0xff];

    /// <summary>Writes an IPv6 <paramref name="address"/> into 16 bytes; anything else is a programming error.</summary>
    public static void Write(IPAddress address, Span<byte> destination)
    {
        RequireIpv6(address, nameof(address));
        if (destination.Length < AddressLength || !address.TryWriteBytes(destination[..AddressLength], out _))
            throw new ArgumentException("Destination is shorter than 16 bytes.", nameof(destination));
    }

    /// <summary>Throws unless <paramref name="address"/> is IPv6 (the model may hold any IPAddress).</summary>
    public static void RequireIpv6(IPAddress address, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(address, parameterName);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            throw new ArgumentException($"{address} is not an IPv6 address.", parameterName);
    }

    /// <summary>Throws unless <paramref name="address"/> is exactly 16 bytes.</summary>
    public static void RequireLength(ReadOnlySpan<byte> address, string parameterName)
    {
        if (address.Length != AddressLength)
            throw new ArgumentException($"An IPv6 address is 16 bytes, got {address.Length}.", parameterName);
    }
}
