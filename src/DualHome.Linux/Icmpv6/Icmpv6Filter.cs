using System.Buffers.Binary;

namespace DualHome.Linux.Icmpv6;

/// <summary>
/// The ICMP6_FILTER bitmap (RFC 3542 §3.2): 256 bits, one per ICMPv6 type, in eight host-order
/// 32-bit words. On Linux a SET bit BLOCKS the type (linux/icmpv6.h ICMPV6_FILTER_WILLPASS), so
/// the filter starts all ones (ICMP6_FILTER_SETBLOCKALL) and clears a bit per accepted type.
/// </summary>
public static class Icmpv6Filter
{
    /// <summary>sizeof(struct icmp6_filter).</summary>
    public const int Size = 32;

    /// <summary>A filter that passes exactly <paramref name="acceptedTypes"/> and blocks every other type.</summary>
    public static byte[] Build(ReadOnlySpan<byte> acceptedTypes)
    {
        Span<uint> words = stackalloc uint[Size / sizeof(uint)];
        words.Fill(uint.MaxValue);
        foreach (var type in acceptedTypes)
        {
            words[type >> 5] &= ~(1u << (type & 31));
        }

        var bytes = new byte[Size];
        for (var i = 0; i < words.Length; i++)
        {
            // Host order; the socket constructors assert a little-endian host.
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), words[i]);
        }

        return bytes;
    }

    /// <summary>ICMP6_FILTER_WILLPASS: whether <paramref name="filter"/> lets <paramref name="type"/> through.</summary>
    public static bool WillPass(ReadOnlySpan<byte> filter, byte type)
    {
        var word = BinaryPrimitives.ReadUInt32LittleEndian(filter[((type >> 5) * sizeof(uint))..]);
        return (word & (1u << (type & 31))) == 0;
    }
}
