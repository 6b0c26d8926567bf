using System.Buffers.Binary;
using DualHome.Wire.Ipv6;

namespace DualHome.Wire.Nd.Options;

/// <summary>Route Information option (type 24), RFC 4191 §2.3: Length 1, 2 or 3 depending on the prefix length.</summary>
internal static class RouteInformationOption
{
    private const int FixedLength = 8;    // Type, Length, Prefix Length, Resvd|Prf|Resvd, Route Lifetime
    private const int PreferenceShift = 3; // RFC 4191 §2.3: Resvd (3 bits) | Prf (2 bits) | Resvd (3 bits)

    /// <summary>The shortest Length that holds the prefix (RFC 4191 §2.3): 1 for /0, 2 up to /64, 3 above.</summary>
    public static int Measure(RouteInformation route)
    {
        Validate(route);
        return Units(route.Prefix.PrefixLength) * NdConstants.OptionUnit;
    }

    public static int Write(RouteInformation route, Span<byte> destination)
    {
        int length = Measure(route);
        Span<byte> option = destination[..length];
        option.Clear(); // reserved bits MUST be zero
        option[0] = (byte)NdOptionType.RouteInformation;
        option[1] = (byte)(length / NdConstants.OptionUnit);
        option[2] = (byte)route.Prefix.PrefixLength;
        option[3] = (byte)((byte)route.Preference << PreferenceShift);
        BinaryPrimitives.WriteUInt32BigEndian(option[4..], route.Lifetime);
        WritePrefix(route, option[FixedLength..]);
        return length;
    }

    private static void WritePrefix(RouteInformation route, Span<byte> prefixField)
    {
        Span<byte> prefix = stackalloc byte[Ipv6Bytes.AddressLength];
        Ipv6Bytes.Write(route.Prefix.BaseAddress, prefix);
        prefix[..prefixField.Length].CopyTo(prefixField);
    }

    private static int Units(int prefixLength) => prefixLength switch
    {
        0 => 1,
        <= 64 => 2,
        _ => 3,
    };

    private static void Validate(RouteInformation route)
    {
        ArgumentNullException.ThrowIfNull(route);
        PrefixBytes.RequireIpv6(route.Prefix, nameof(route));
        // RFC 4191 §2.1: the reserved preference value (10) MUST NOT be sent.
        if (route.Preference is not (RouterPreference.High or RouterPreference.Medium or RouterPreference.Low))
            throw new ArgumentException($"RIO {route.Prefix}: preference {route.Preference} MUST NOT be sent (RFC 4191 §2.1).", nameof(route));
    }

    public static NdOptionFault Read(ReadOnlySpan<byte> option, NdOptionSet into)
    {
        NdOptionFault fault = Check(option);
        if (fault != NdOptionFault.None)
            return fault;
        Span<byte> prefix = stackalloc byte[Ipv6Bytes.AddressLength];
        prefix.Clear();
        option[FixedLength..].CopyTo(prefix);
        into.Routes.Add(new RouteInformation(
            PrefixBytes.ToNetwork(prefix, option[2]),
            (RouterPreference)((option[3] >> PreferenceShift) & 0b11),
            BinaryPrimitives.ReadUInt32BigEndian(option[4..])));
        return NdOptionFault.None;
    }

    private static NdOptionFault Check(ReadOnlySpan<byte> option)
    {
        if (option.Length < FixedLength || option.Length > FixedLength + Ipv6Bytes.AddressLength)
            return NdOptionFault.BadLength; // RFC 4191 §2.3: Length 1..3
        int prefixLength = option[2];
        if (prefixLength > PrefixBytes.MaxPrefixLength)
            return NdOptionFault.PrefixLengthOver128; // RFC 4191 §2.3: 0..128
        if (Units(prefixLength) * NdConstants.OptionUnit > option.Length)
            return NdOptionFault.PrefixLongerThanOption; // RFC 4191 §2.3: >64 needs 3, >0 needs 2 or 3
        if ((RouterPreference)((option[3] >> PreferenceShift) & 0b11) == RouterPreference.Reserved)
            return NdOptionFault.ReservedPreference; // RFC 4191 §2.3: "the Route Information Option MUST be ignored"
        return NdOptionFault.None;
    }
}
