using System.Buffers.Binary;

namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>
/// Authentication option (11), RFC 8415 §21.11: protocol (1), algorithm (1), RDM (1), replay detection (8),
/// authentication information (variable). Read far enough to refuse a Reconfigure; never verified here.
/// </summary>
internal static class AuthenticationOption
{
    /// <summary>§21.11: "option-len: 11 + length of Authentication Information field".</summary>
    public const int FixedLength = 11;

    public static int Measure(Dhcpv6Authentication? auth)
    {
        if (auth is null)
            return 0;
        ArgumentNullException.ThrowIfNull(auth.Information, nameof(auth));
        Dhcpv6OptionHeader.RequireDataLength(FixedLength + auth.Information.Length, (ushort)Dhcpv6OptionCode.Authentication);
        return Dhcpv6Constants.OptionHeaderLength + FixedLength + auth.Information.Length;
    }

    public static int Write(Dhcpv6Authentication auth, Span<byte> destination)
    {
        int length = Measure(auth);
        int at = Dhcpv6OptionHeader.Write(destination, Dhcpv6OptionCode.Authentication, length - Dhcpv6Constants.OptionHeaderLength);
        destination[at] = auth.Protocol;
        destination[at + 1] = auth.Algorithm;
        destination[at + 2] = auth.ReplayDetectionMethod;
        BinaryPrimitives.WriteUInt64BigEndian(destination[(at + 3)..], auth.ReplayDetection);
        auth.Information.CopyTo(destination[(at + FixedLength)..]);
        return length;
    }

    /// <summary>The table checked option-len ≥ 11 (§21.11).</summary>
    public static Dhcpv6ReadResult Read(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        into.Authentication = new Dhcpv6Authentication(
            Protocol: data[0], Algorithm: data[1], ReplayDetectionMethod: data[2],
            ReplayDetection: BinaryPrimitives.ReadUInt64BigEndian(data[3..]),
            Information: data[FixedLength..].ToArray());
        return Dhcpv6ReadResult.Ok;
    }
}
