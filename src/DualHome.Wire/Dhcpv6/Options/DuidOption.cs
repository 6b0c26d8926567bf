namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>Client Identifier (1) and Server Identifier (2) options, RFC 8415 §21.2, §21.3: option-data is a DUID.</summary>
internal static class DuidOption
{
    public static int Measure(Duid? duid) => duid is null ? 0 : Dhcpv6Constants.OptionHeaderLength + duid.Length;

    public static int Write(Dhcpv6OptionCode code, Duid duid, Span<byte> destination)
    {
        int at = Dhcpv6OptionHeader.Write(destination, code, duid.Length);
        duid.Span.CopyTo(destination[at..]);
        return at + duid.Length;
    }

    /// <summary>The table checked the length (§11.1: 3..130 octets), so the DUID is always created.</summary>
    public static Dhcpv6ReadResult ReadClient(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        if (!Duid.TryCreate(data, out Duid? duid))
            return Dhcpv6ReadResult.BadDuid;
        into.ClientId = duid;
        return Dhcpv6ReadResult.Ok;
    }

    public static Dhcpv6ReadResult ReadServer(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        if (!Duid.TryCreate(data, out Duid? duid))
            return Dhcpv6ReadResult.BadDuid;
        into.ServerId = duid;
        return Dhcpv6ReadResult.Ok;
    }
}
