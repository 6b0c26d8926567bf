namespace DualHome.Wire.Nd.Options;

/// <summary>Reads one option whose length the table has already checked, into <paramref name="into"/>.</summary>
internal delegate NdOptionFault NdOptionReader(ReadOnlySpan<byte> option, NdOptionSet into);

/// <summary>One row of an option table: the type, its allowed Length range in 8-octet units, its reader.</summary>
internal sealed record NdOptionSpec(NdOptionType Type, byte MinUnits, byte MaxUnits, NdOptionReader Read);

/// <summary>
/// Table-driven option parsing (BIRD's <c>{min_length, read}</c> rows): one table per message, holding only the
/// options defined for it. Anything else — unknown types, and known types "not specified to be used with"
/// the message — is skipped (§6.1.1, §6.1.2, §7.1.1, §7.1.2: MUST be ignored, packet processed as normal).
/// </summary>
internal static class NdOptionTable
{
    private static readonly NdOptionSpec Slla =
        new(NdOptionType.SourceLinkLayerAddress, 1, 1, LinkLayerAddressOption.ReadSource);

    /// <summary>§6.1.1: the only option defined for RS is SLLA.</summary>
    public static readonly NdOptionSpec[] RouterSolicitation = [Slla];

    /// <summary>§6.1.2 (SLLA, PIO, MTU) plus RIO (RFC 4191), RDNSS and DNSSL (RFC 8106).</summary>
    public static readonly NdOptionSpec[] RouterAdvertisement =
    [
        Slla,
        new(NdOptionType.PrefixInformation, 4, 4, PrefixInformationOption.Read),
        new(NdOptionType.Mtu, 1, 1, MtuOption.Read),
        new(NdOptionType.RouteInformation, 1, 3, RouteInformationOption.Read),
        new(NdOptionType.RecursiveDnsServer, 3, NdConstants.MaxOptionUnits, RecursiveDnsServerOption.Read),
        new(NdOptionType.DnsSearchList, 2, NdConstants.MaxOptionUnits, DnsSearchListOption.Read),
    ];

    /// <summary>§7.1.1: the only option defined for NS is SLLA.</summary>
    public static readonly NdOptionSpec[] NeighborSolicitation = [Slla];

    /// <summary>§7.1.2: the only option defined for NA is TLLA.</summary>
    public static readonly NdOptionSpec[] NeighborAdvertisement =
        [new(NdOptionType.TargetLinkLayerAddress, 1, 1, LinkLayerAddressOption.ReadTarget)];

    /// <summary>
    /// Reads every option of <paramref name="options"/> that <paramref name="table"/> knows. Framing must have been
    /// checked (<see cref="NdOptionWalker.CheckFraming"/>). Returns the first fault; a faulty option is left out.
    /// </summary>
    public static NdOptionFault ReadAll(ReadOnlySpan<byte> options, NdOptionSpec[] table, NdOptionSet into)
    {
        var firstFault = NdOptionFault.None;
        var walker = new NdOptionWalker(options);
        while (walker.MoveNext())
        {
            NdOptionFault fault = ReadOne(walker.Type, walker.Current, table, into);
            if (firstFault == NdOptionFault.None)
                firstFault = fault;
        }
        return firstFault;
    }

    private static NdOptionFault ReadOne(byte type, ReadOnlySpan<byte> option, NdOptionSpec[] table, NdOptionSet into)
    {
        NdOptionSpec? spec = Find(table, type);
        if (spec is null)
            return NdOptionFault.None;
        int units = option[1];
        if (units < spec.MinUnits || units > spec.MaxUnits)
            return NdOptionFault.BadLength;
        return spec.Read(option, into);
    }

    private static NdOptionSpec? Find(NdOptionSpec[] table, byte type)
    {
        foreach (NdOptionSpec spec in table)
        {
            if ((byte)spec.Type == type)
                return spec;
        }
        return null;
    }
}
