using System.Buffers.Binary;
using System.Globalization;
using DualHome.Wire.Ethernet;

namespace DualHome.Wire.Dhcpv6;

/// <summary>DUID types, RFC 8415 §11.1.</summary>
public enum DuidType : ushort
{
    /// <summary>§11.2: link-layer address plus time (DUID-LLT).</summary>
    LinkLayerPlusTime = 1,
    /// <summary>§11.3: vendor-assigned, based on an enterprise number (DUID-EN).</summary>
    Enterprise = 2,
    /// <summary>§11.4: link-layer address (DUID-LL).</summary>
    LinkLayer = 3,
    /// <summary>RFC 6355: a UUID (DUID-UUID).</summary>
    Uuid = 4,
}

/// <summary>
/// A DHCP Unique Identifier, RFC 8415 §11: an opaque byte string that clients and servers "MUST only compare
/// for equality" (§11.1). Immutable, with value equality. Builders for the two kinds a client makes itself.
/// </summary>
public sealed class Duid : IEquatable<Duid>
{
    /// <summary>§11.1: a 2-octet type code followed by at least one identifier octet.</summary>
    public const int MinLength = 3;

    /// <summary>§11.1: "A DUID can be no more than 130 octets long (including the type code)."</summary>
    public const int MaxLength = 130;

    /// <summary>IANA ARP hardware type 1: Ethernet (RFC 826), used by DUID-LLT and DUID-LL (§11.2, §11.4).</summary>
    public const ushort EthernetHardwareType = 1;

    /// <summary>§11.2: the time field counts seconds since midnight (UTC), January 1, 2000, modulo 2^32.</summary>
    public static DateTimeOffset TimeOrigin { get; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly byte[] _bytes;

    private Duid(byte[] bytes) => _bytes = bytes;

    public ReadOnlySpan<byte> Span => _bytes;
    public int Length => _bytes.Length;
    public DuidType Type => (DuidType)BinaryPrimitives.ReadUInt16BigEndian(_bytes);

    /// <summary>§11.4 DUID-LL: type 3, hardware type 1, the 6-octet MAC.</summary>
    public static Duid LinkLayer(Mac mac)
    {
        var bytes = new byte[4 + Mac.Length];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)DuidType.LinkLayer);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), EthernetHardwareType);
        mac.Write(bytes.AsSpan(4));
        return new Duid(bytes);
    }

    /// <summary>§11.2 DUID-LLT: type 1, hardware type 1, seconds since 2000-01-01 UTC modulo 2^32, the MAC.
    /// A board that booted in 1970 without a clock gets a time that wraps: still unique, which is all it is for.</summary>
    public static Duid LinkLayerPlusTime(Mac mac, DateTimeOffset time)
    {
        var bytes = new byte[8 + Mac.Length];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)DuidType.LinkLayerPlusTime);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), EthernetHardwareType);
        long seconds = (long)Math.Floor((time - TimeOrigin).TotalSeconds);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), unchecked((uint)seconds));
        mac.Write(bytes.AsSpan(8));
        return new Duid(bytes);
    }

    /// <summary>Copies <paramref name="bytes"/> when its length is a DUID's (§11.1); false otherwise.</summary>
    public static bool TryCreate(ReadOnlySpan<byte> bytes, out Duid? duid)
    {
        duid = bytes.Length is >= MinLength and <= MaxLength ? new Duid(bytes.ToArray()) : null;
        return duid is not null;
    }

    /// <summary>Parses hex digits, optionally separated by ':' (as Kea logs a DUID); for configuration and state files.</summary>
    public static bool TryParse(string? text, out Duid? duid)
    {
        duid = null;
        if (text is null) return false;
        string digits = text.Replace(":", "", StringComparison.Ordinal).Trim();
        if (digits.Length % 2 != 0 || !digits.All(char.IsAsciiHexDigit)) return false;
        return TryCreate(Convert.FromHexString(digits), out duid);
    }

    /// <summary>The MAC inside a DUID-LLT or DUID-LL for Ethernet, or null.</summary>
    public Mac? LinkLayerAddress => (Type, Length) switch
    {
        (DuidType.LinkLayerPlusTime, 8 + Mac.Length) when HardwareType == EthernetHardwareType => Mac.Read(_bytes.AsSpan(8)),
        (DuidType.LinkLayer, 4 + Mac.Length) when HardwareType == EthernetHardwareType => Mac.Read(_bytes.AsSpan(4)),
        _ => null,
    };

    private ushort HardwareType => Length >= 4 ? BinaryPrimitives.ReadUInt16BigEndian(_bytes.AsSpan(2)) : (ushort)0;

    public bool Equals(Duid? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);
    public override bool Equals(object? obj) => obj is Duid other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>Colon-separated lower-case hex, as Kea and dhcp6c log a DUID.</summary>
    public override string ToString() =>
        string.Join(':', _bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    /// <summary>Plain lower-case hex, for state files.</summary>
    public string ToHex() => Convert.ToHexStringLower(_bytes);
}
