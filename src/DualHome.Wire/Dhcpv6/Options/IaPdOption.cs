using System.Buffers.Binary;

namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>
/// Identity Association for Prefix Delegation option (25), RFC 8415 §21.21: IAID (4), T1 (4), T2 (4), then the
/// IA_PD-options (IA Prefix options and a Status Code option).
/// </summary>
internal static class IaPdOption
{
    /// <summary>§21.21: "option-len: 12 + length of IA_PD-options field".</summary>
    public const int FixedLength = 12;

    private static readonly Dhcpv6OptionSpec<Dhcpv6EncapsulatedSet>[] Encapsulated =
    [
        new(Dhcpv6OptionCode.IaPrefix, IaPrefixOption.FixedLength, Dhcpv6OptionHeader.MaxDataLength,
            Dhcpv6ReadResult.IaPrefixTooShort, Single: false, IaPrefixOption.Read),
        new(Dhcpv6OptionCode.StatusCode, StatusCodeOption.FixedLength, Dhcpv6OptionHeader.MaxDataLength,
            Dhcpv6ReadResult.BadOptionLength, Single: true, StatusCodeOption.ReadEncapsulated),
    ];

    public static int Measure(IaPd ia)
    {
        ArgumentNullException.ThrowIfNull(ia);
        ArgumentNullException.ThrowIfNull(ia.Prefixes, nameof(ia));
        int length = Dhcpv6Constants.OptionHeaderLength + FixedLength
            + ia.Prefixes.Sum(IaPrefixOption.Measure) + StatusCodeOption.Measure(ia.Status);
        Dhcpv6OptionHeader.RequireDataLength(length - Dhcpv6Constants.OptionHeaderLength, (ushort)Dhcpv6OptionCode.IaPd);
        return length;
    }

    public static int Write(IaPd ia, Span<byte> destination)
    {
        int length = Measure(ia);
        int at = Dhcpv6OptionHeader.Write(destination, Dhcpv6OptionCode.IaPd, length - Dhcpv6Constants.OptionHeaderLength);
        BinaryPrimitives.WriteUInt32BigEndian(destination[at..], ia.Iaid);
        BinaryPrimitives.WriteUInt32BigEndian(destination[(at + 4)..], ia.T1);
        BinaryPrimitives.WriteUInt32BigEndian(destination[(at + 8)..], ia.T2);
        at += FixedLength;
        foreach (IaPrefix prefix in ia.Prefixes)
            at += IaPrefixOption.Write(prefix, destination[at..]);
        if (ia.Status is { } status)
            at += StatusCodeOption.Write(status, destination[at..]);
        return at;
    }

    /// <summary>The table checked option-len ≥ 12 (§21.21).</summary>
    public static Dhcpv6ReadResult Read(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        var contents = new Dhcpv6EncapsulatedSet(into.Faults);
        Dhcpv6ReadResult result = Dhcpv6OptionTable.ReadAll(data[FixedLength..], Encapsulated, contents);
        if (result != Dhcpv6ReadResult.Ok)
            return result;
        uint t1 = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        uint t2 = BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
        if (t1 > t2 && t2 > 0)
        {
            into.Faults.Note(Dhcpv6OptionFault.T1OverT2); // §21.21: discard the IA_PD, process the rest
            return Dhcpv6ReadResult.Ok;
        }
        into.IaPds.Add(new IaPd(BinaryPrimitives.ReadUInt32BigEndian(data), t1, t2, contents.Prefixes, contents.Status));
        return Dhcpv6ReadResult.Ok;
    }
}
