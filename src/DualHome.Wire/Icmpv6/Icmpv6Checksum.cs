using System.Buffers.Binary;
using System.Net;
using DualHome.Wire.Ipv6;

namespace DualHome.Wire.Icmpv6;

/// <summary>
/// The ICMPv6 checksum (RFC 4443 §2.3): the 16-bit one's complement of the one's complement sum of the
/// IPv6 pseudo-header (RFC 8200 §8.1) and the whole ICMPv6 message. The span overloads do not allocate.
/// </summary>
public static class Icmpv6Checksum
{
    /// <summary>RFC 4443 §2.1: Type (1), Code (1), Checksum (2).</summary>
    public const int HeaderLength = 4;

    /// <summary>RFC 4443 §2.1: the checksum field sits at bytes 2..3 of the message.</summary>
    public const int FieldOffset = 2;

    /// <summary>RFC 8200 §8.1 pseudo-header Next Header value for ICMPv6 (RFC 4443 §1).</summary>
    private const uint NextHeaderIcmpv6 = 58;

    /// <summary>
    /// The checksum <paramref name="icmp"/> must carry. The current content of the checksum field is
    /// ignored (RFC 4443 §2.3 computes with the field set to zero), so callers need not clear it first.
    /// </summary>
    public static ushort Compute(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, ReadOnlySpan<byte> icmp)
    {
        RequireMessage(icmp);
        ulong sum = PseudoHeaderSum(source, destination, icmp.Length);
        sum += Sum(icmp[..FieldOffset]);
        sum += Sum(icmp[HeaderLength..]);
        return (ushort)~Fold(sum);
    }

    /// <inheritdoc cref="Compute(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>
    public static ushort Compute(IPAddress source, IPAddress destination, ReadOnlySpan<byte> icmp)
    {
        Span<byte> addresses = stackalloc byte[2 * Ipv6Bytes.AddressLength];
        WriteAddresses(source, destination, addresses);
        return Compute(addresses[..16], addresses[16..], icmp);
    }

    /// <summary>
    /// True when the message, checksum field included, sums to all ones (RFC 4443 §2.3 receiver check).
    /// A message shorter than the ICMPv6 header never verifies.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, ReadOnlySpan<byte> icmp)
    {
        if (icmp.Length < HeaderLength)
            return false;
        ulong sum = PseudoHeaderSum(source, destination, icmp.Length) + Sum(icmp);
        return Fold(sum) == 0xffff;
    }

    /// <inheritdoc cref="Verify(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>
    public static bool Verify(IPAddress source, IPAddress destination, ReadOnlySpan<byte> icmp)
    {
        Span<byte> addresses = stackalloc byte[2 * Ipv6Bytes.AddressLength];
        WriteAddresses(source, destination, addresses);
        return Verify(addresses[..16], addresses[16..], icmp);
    }

    /// <summary>Computes the checksum and stores it in the message's checksum field (bytes 2..3).</summary>
    public static void Fill(Span<byte> icmp, ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination) =>
        BinaryPrimitives.WriteUInt16BigEndian(icmp[FieldOffset..], Compute(source, destination, icmp));

    /// <inheritdoc cref="Fill(Span{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>
    public static void Fill(Span<byte> icmp, IPAddress source, IPAddress destination) =>
        BinaryPrimitives.WriteUInt16BigEndian(icmp[FieldOffset..], Compute(source, destination, icmp));

    /// <summary>RFC 8200 §8.1: source, destination, 32-bit upper-layer length, 24 zero bits, Next Header.</summary>
    private static ulong PseudoHeaderSum(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, int length)
    {
        Ipv6Bytes.RequireLength(source, nameof(source));
        Ipv6Bytes.RequireLength(destination, nameof(destination));
        return Sum(source) + Sum(destination) + (uint)length + NextHeaderIcmpv6;
    }

    /// <summary>
    /// One's complement sum in 64-bit words with end-around carry (RFC 1071 §2 (B), (C)): since
    /// 2^16 ≡ 1 mod 0xffff, big-endian 64/32/16-bit words fold to the same 16-bit sum.
    /// </summary>
    internal static ulong Sum(ReadOnlySpan<byte> data)
    {
        ulong sum = 0;
        for (; data.Length >= 8; data = data[8..])
        {
            ulong word = BinaryPrimitives.ReadUInt64BigEndian(data);
            sum += word;
            if (sum < word)
                sum++;
        }
        sum = (sum >> 32) + (sum & 0xffff_ffff);
        if (data.Length >= 4) { sum += BinaryPrimitives.ReadUInt32BigEndian(data); data = data[4..]; }
        if (data.Length >= 2) { sum += BinaryPrimitives.ReadUInt16BigEndian(data); data = data[2..]; }
        if (data.Length == 1)
            sum += (uint)data[0] << 8; // RFC 1071 §4.1: an odd last byte is padded with a zero byte
        return sum;
    }

    internal static ushort Fold(ulong sum)
    {
        while (sum > 0xffff)
            sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)sum;
    }

    private static void WriteAddresses(IPAddress source, IPAddress destination, Span<byte> addresses)
    {
        Ipv6Bytes.Write(source, addresses[..16]);
        Ipv6Bytes.Write(destination, addresses[16..]);
    }

    private static void RequireMessage(ReadOnlySpan<byte> icmp)
    {
        if (icmp.Length < HeaderLength)
            throw new ArgumentException($"An ICMPv6 message is at least {HeaderLength} bytes.", nameof(icmp));
    }
}
