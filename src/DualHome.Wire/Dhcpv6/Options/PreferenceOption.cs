namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>Preference option (7), RFC 8415 §21.8: one octet, 255 = "pick me now" (§18.2.1).</summary>
internal static class PreferenceOption
{
    /// <summary>§21.8: "option-len: 1".</summary>
    public const int DataLength = 1;

    public static int Measure(byte? preference) => preference is null ? 0 : Dhcpv6Constants.OptionHeaderLength + DataLength;

    public static int Write(byte preference, Span<byte> destination)
    {
        int at = Dhcpv6OptionHeader.Write(destination, Dhcpv6OptionCode.Preference, DataLength);
        destination[at] = preference;
        return at + DataLength;
    }

    public static Dhcpv6ReadResult Read(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        into.Preference = data[0];
        return Dhcpv6ReadResult.Ok;
    }
}
