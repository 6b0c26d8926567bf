namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>The top-level options read from a client/server message (RFC 8415 §21), with the option-len each allows.</summary>
internal static class MessageOptionTable
{
    private const int Max = Dhcpv6OptionHeader.MaxDataLength;
    private const Dhcpv6ReadResult BadLength = Dhcpv6ReadResult.BadOptionLength;

    public static readonly Dhcpv6OptionSpec<Dhcpv6OptionSet>[] Rows =
    [
        new(Dhcpv6OptionCode.ClientId, Duid.MinLength, Duid.MaxLength, Dhcpv6ReadResult.BadDuid, Single: true, DuidOption.ReadClient),
        new(Dhcpv6OptionCode.ServerId, Duid.MinLength, Duid.MaxLength, Dhcpv6ReadResult.BadDuid, Single: true, DuidOption.ReadServer),
        new(Dhcpv6OptionCode.IaPd, IaPdOption.FixedLength, Max, Dhcpv6ReadResult.IaPdTooShort, Single: false, IaPdOption.Read),
        new(Dhcpv6OptionCode.OptionRequest, 0, Max, BadLength, Single: true, OptionRequestOption.Read),
        new(Dhcpv6OptionCode.Preference, 1, 1, BadLength, Single: true, PreferenceOption.Read),
        new(Dhcpv6OptionCode.ElapsedTime, 2, 2, BadLength, Single: true, ElapsedTimeOption.Read),
        new(Dhcpv6OptionCode.Authentication, AuthenticationOption.FixedLength, Max, BadLength, Single: true, AuthenticationOption.Read),
        new(Dhcpv6OptionCode.StatusCode, StatusCodeOption.FixedLength, Max, BadLength, Single: true, StatusCodeOption.ReadTopLevel),
        new(Dhcpv6OptionCode.RapidCommit, 0, 0, BadLength, Single: true, FlagOption.ReadRapidCommit),
        new(Dhcpv6OptionCode.ReconfigureMessage, 1, 1, BadLength, Single: true, ReconfigureMessageOption.Read),
        new(Dhcpv6OptionCode.ReconfigureAccept, 0, 0, BadLength, Single: true, FlagOption.ReadReconfigureAccept),
        new(Dhcpv6OptionCode.SolMaxRt, 4, 4, BadLength, Single: true, MaxRtOption.ReadSol),
        new(Dhcpv6OptionCode.InfMaxRt, 4, 4, BadLength, Single: true, MaxRtOption.ReadInf),
    ];
}
