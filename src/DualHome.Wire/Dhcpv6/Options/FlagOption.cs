namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>The empty options whose presence is their meaning: Rapid Commit (14, RFC 8415 §21.14) and
/// Reconfigure Accept (20, §21.20), both "option-len: 0".</summary>
internal static class FlagOption
{
    public static int Measure(bool present) => present ? Dhcpv6Constants.OptionHeaderLength : 0;

    public static int Write(Dhcpv6OptionCode code, Span<byte> destination) => Dhcpv6OptionHeader.Write(destination, code, 0);

    public static Dhcpv6ReadResult ReadRapidCommit(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        into.RapidCommit = true;
        return Dhcpv6ReadResult.Ok;
    }

    public static Dhcpv6ReadResult ReadReconfigureAccept(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        into.ReconfigureAccept = true;
        return Dhcpv6ReadResult.Ok;
    }
}
