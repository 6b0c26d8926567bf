namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>Reconfigure Message option (19), RFC 8415 §21.19: the msg-type (5 Renew, 6 Rebind, 11 Information-request)
/// a Reconfigure asks for.</summary>
internal static class ReconfigureMessageOption
{
    /// <summary>§21.19: "option-len: 1".</summary>
    public const int DataLength = 1;

    public static int Measure(Dhcpv6MessageType? type) => type is null ? 0 : Dhcpv6Constants.OptionHeaderLength + DataLength;

    public static int Write(Dhcpv6MessageType type, Span<byte> destination)
    {
        int at = Dhcpv6OptionHeader.Write(destination, Dhcpv6OptionCode.ReconfigureMessage, DataLength);
        destination[at] = (byte)type;
        return at + DataLength;
    }

    public static Dhcpv6ReadResult Read(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        into.ReconfigureMessage = (Dhcpv6MessageType)data[0];
        return Dhcpv6ReadResult.Ok;
    }
}
