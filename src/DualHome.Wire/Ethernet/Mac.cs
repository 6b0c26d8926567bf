using System.Buffers.Binary;
using System.Globalization;

namespace DualHome.Wire.Ethernet;

/// <summary>
/// A 48-bit Ethernet (IEEE 802) MAC address held in a <see cref="ulong"/>: a value type, so reading one from a
/// frame, comparing and writing it back allocate nothing. The most significant of the low 48 bits is the first
/// octet on the wire.
/// </summary>
public readonly struct Mac : IEquatable<Mac>
{
    /// <summary>IEEE 802: a MAC address is 6 octets.</summary>
    public const int Length = 6;

    private const ulong Mask48 = 0xffff_ffff_ffff;

    private readonly ulong _value;

    private Mac(ulong value) => _value = value & Mask48;

    /// <summary>The 48 bits as a number, first octet most significant.</summary>
    public ulong Value => _value;

    /// <summary>ff:ff:ff:ff:ff:ff.</summary>
    public static Mac Broadcast => new(Mask48);

    /// <summary>IEEE 802 I/G bit (least significant bit of the first octet): set for group addresses.
    /// RFC 2464 §7 maps IPv6 multicast onto 33:33:xx:xx:xx:xx, a group address.</summary>
    public bool IsMulticast => (_value & 0x0100_0000_0000) != 0;

    public bool IsBroadcast => _value == Mask48;

    public static Mac FromValue(ulong value) => new(value);

    /// <summary>Reads the first 6 bytes of <paramref name="bytes"/>; the caller has checked the length.</summary>
    public static Mac Read(ReadOnlySpan<byte> bytes) =>
        new(((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes) << 32) | BinaryPrimitives.ReadUInt32BigEndian(bytes[2..]));

    /// <summary>Writes the 6 octets to the start of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(_value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)_value);
    }

    /// <summary>Parses "aa:bb:cc:dd:ee:ff" (or with '-'); for configuration and tests, not the packet path.</summary>
    public static Mac Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split(':', '-');
        if (parts.Length != Length)
            throw new FormatException($"'{text}' is not a MAC address (six hex octets).");
        ulong value = 0;
        foreach (string part in parts)
        {
            if (part.Length != 2 || !byte.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte octet))
                throw new FormatException($"'{text}' is not a MAC address (six hex octets).");
            value = (value << 8) | octet;
        }
        return new Mac(value);
    }

    public bool Equals(Mac other) => _value == other._value;
    public override bool Equals(object? obj) => obj is Mac other && Equals(other);
    public override int GetHashCode() => _value.GetHashCode();
    public static bool operator ==(Mac left, Mac right) => left.Equals(right);
    public static bool operator !=(Mac left, Mac right) => !left.Equals(right);

    /// <summary>"aa:bb:cc:dd:ee:ff", lower case.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        Write(bytes);
        string hex = Convert.ToHexStringLower(bytes);
        return string.Join(':', hex.Chunk(2).Select(pair => new string(pair)));
    }
}
