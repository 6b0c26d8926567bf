using System.Buffers.Binary;
using System.Net;
using DualHome.Wire.Ipv6;

namespace DualHome.DataPlane.Prefixes;

/// <summary>An IPv6 address as a 128-bit number, network order (the first octet is the most significant): the key
/// of every table on the packet path, hashed and compared without allocating.</summary>
public static class Ipv6Key
{
    /// <summary>RFC 4291 §2.3: a prefix length is a decimal value 0..128.</summary>
    public const int MaxPrefixLength = 128;

    /// <summary>False when <paramref name="address"/> is not exactly 16 bytes (RFC 8200 §3).</summary>
    public static bool TryRead(ReadOnlySpan<byte> address, out UInt128 key)
    {
        if (address.Length != Ipv6Bytes.AddressLength)
        {
            key = default;
            return false;
        }
        key = BinaryPrimitives.ReadUInt128BigEndian(address);
        return true;
    }

    /// <summary>For configuration: throws unless <paramref name="address"/> is IPv6.</summary>
    public static UInt128 From(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[Ipv6Bytes.AddressLength];
        Ipv6Bytes.Write(address, bytes);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    public static IPAddress ToAddress(UInt128 key)
    {
        byte[] bytes = new byte[Ipv6Bytes.AddressLength];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, key);
        return new IPAddress(bytes);
    }

    /// <summary>The mask of a prefix length 0..128. (A UInt128 shift by 128 is a shift by 0, hence the table.)</summary>
    public static UInt128 Mask(int prefixLength) => Masks[prefixLength];

    private static readonly UInt128[] Masks = BuildMasks();

    private static UInt128[] BuildMasks()
    {
        var masks = new UInt128[MaxPrefixLength + 1];
        for (int length = 1; length <= MaxPrefixLength; length++)
            masks[length] = UInt128.MaxValue << (MaxPrefixLength - length);
        return masks;
    }
}
