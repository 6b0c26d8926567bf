using System.Buffers.Binary;
using DualHome.Wire.Ipv6;

namespace DualHome.Wire.Nd.Options;

/// <summary>Prefix Information option (type 3), RFC 4861 §4.6.2.</summary>
internal static class PrefixInformationOption
{
    /// <summary>§4.6.2: Length 4 = 32 octets.</summary>
    public const int Length = 32;

    private const byte OnLinkFlag = 0x80;     // §4.6.2 L
    private const byte AutonomousFlag = 0x40; // §4.6.2 A

    public static int Measure(PrefixInformation prefix)
    {
        Validate(prefix);
        return Length;
    }

    public static int Write(PrefixInformation prefix, Span<byte> destination)
    {
        Validate(prefix);
        Span<byte> option = destination[..Length];
        option.Clear(); // Reserved1 and Reserved2 MUST be zero (§4.6.2)
        option[0] = (byte)NdOptionType.PrefixInformation;
        option[1] = Length / NdConstants.OptionUnit;
        option[2] = (byte)prefix.Prefix.PrefixLength;
        option[3] = (byte)((prefix.OnLink ? OnLinkFlag : 0) | (prefix.Autonomous ? AutonomousFlag : 0));
        BinaryPrimitives.WriteUInt32BigEndian(option[4..], prefix.ValidLifetime);
        BinaryPrimitives.WriteUInt32BigEndian(option[8..], prefix.PreferredLifetime);
        Ipv6Bytes.Write(prefix.Prefix.BaseAddress, option[16..]); // IPNetwork keeps the bits past the length zero
        return Length;
    }

    private static void Validate(PrefixInformation prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        PrefixBytes.RequireIpv6(prefix.Prefix, nameof(prefix));
        // §4.6.2: the preferred lifetime "MUST NOT exceed the Valid Lifetime"; RFC 4862 §5.5.3 (c) hosts ignore such a PIO.
        if (prefix.PreferredLifetime > prefix.ValidLifetime)
            throw new ArgumentException($"PIO {prefix.Prefix}: preferred lifetime {prefix.PreferredLifetime} exceeds valid lifetime {prefix.ValidLifetime} (RFC 4861 §4.6.2).", nameof(prefix));
    }

    public static NdOptionFault Read(ReadOnlySpan<byte> option, NdOptionSet into)
    {
        if (option.Length != Length)
            return NdOptionFault.BadLength; // §4.6.2: Length 4
        int prefixLength = option[2];
        if (prefixLength > PrefixBytes.MaxPrefixLength)
            return NdOptionFault.PrefixLengthOver128; // §4.6.2: "ranges from 0 to 128"
        Span<byte> prefix = stackalloc byte[Ipv6Bytes.AddressLength];
        option.Slice(16, Ipv6Bytes.AddressLength).CopyTo(prefix);
        into.Prefixes.Add(new PrefixInformation(
            PrefixBytes.ToNetwork(prefix, prefixLength),
            OnLink: (option[3] & OnLinkFlag) != 0,
            Autonomous: (option[3] & AutonomousFlag) != 0,
            ValidLifetime: BinaryPrimitives.ReadUInt32BigEndian(option[4..]),
            PreferredLifetime: BinaryPrimitives.ReadUInt32BigEndian(option[8..])));
        return NdOptionFault.None;
    }
}
