using System.Buffers.Binary;
using DualHome.Wire.Ipv6;

namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>
/// IA Prefix option (26), RFC 8415 §21.22: preferred-lifetime (4), valid-lifetime (4), prefix-length (1),
/// IPv6-prefix (16), then IAprefix-options (a Status Code option).
/// </summary>
internal static class IaPrefixOption
{
    /// <summary>§21.22: "option-len: 25 + length of IAprefix-options field".</summary>
    public const int FixedLength = 25;

    private const int PrefixLengthOffset = 8;
    private const int PrefixOffset = 9;

    private static readonly Dhcpv6OptionSpec<Dhcpv6EncapsulatedSet>[] Encapsulated =
    [
        new(Dhcpv6OptionCode.StatusCode, StatusCodeOption.FixedLength, Dhcpv6OptionHeader.MaxDataLength,
            Dhcpv6ReadResult.BadOptionLength, Single: true, StatusCodeOption.ReadEncapsulated),
    ];

    public static int Measure(IaPrefix prefix)
    {
        Validate(prefix);
        return Dhcpv6Constants.OptionHeaderLength + FixedLength + StatusCodeOption.Measure(prefix.Status);
    }

    public static int Write(IaPrefix prefix, Span<byte> destination)
    {
        int length = Measure(prefix);
        int at = Dhcpv6OptionHeader.Write(destination, Dhcpv6OptionCode.IaPrefix, length - Dhcpv6Constants.OptionHeaderLength);
        BinaryPrimitives.WriteUInt32BigEndian(destination[at..], prefix.PreferredLifetime);
        BinaryPrimitives.WriteUInt32BigEndian(destination[(at + 4)..], prefix.ValidLifetime);
        destination[at + PrefixLengthOffset] = (byte)prefix.Prefix.PrefixLength;
        Ipv6Bytes.Write(prefix.Prefix.BaseAddress, destination[(at + PrefixOffset)..]); // IPNetwork keeps host bits zero
        at += FixedLength;
        if (prefix.Status is { } status)
            at += StatusCodeOption.Write(status, destination[at..]);
        return at;
    }

    private static void Validate(IaPrefix prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        PrefixBytes.RequireIpv6(prefix.Prefix, nameof(prefix));
        // §21.22: a client discards a prefix whose preferred lifetime exceeds its valid lifetime; never send one.
        if (prefix.PreferredLifetime > prefix.ValidLifetime)
            throw new ArgumentException($"IA Prefix {prefix.Prefix}: preferred lifetime {prefix.PreferredLifetime} exceeds valid lifetime {prefix.ValidLifetime} (RFC 8415 §21.22).", nameof(prefix));
    }

    /// <summary>The table checked option-len ≥ 25 (§21.22).</summary>
    public static Dhcpv6ReadResult Read(ReadOnlySpan<byte> data, Dhcpv6EncapsulatedSet into)
    {
        var contents = new Dhcpv6EncapsulatedSet(into.Faults);
        Dhcpv6ReadResult result = Dhcpv6OptionTable.ReadAll(data[FixedLength..], Encapsulated, contents);
        if (result != Dhcpv6ReadResult.Ok)
            return result;
        uint preferred = BinaryPrimitives.ReadUInt32BigEndian(data);
        uint valid = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        int prefixLength = data[PrefixLengthOffset];
        if (prefixLength > PrefixBytes.MaxPrefixLength)
            return Ignore(into, Dhcpv6OptionFault.PrefixLengthOver128); // §21.22: 128-bit prefix field
        if (preferred > valid)
            return Ignore(into, Dhcpv6OptionFault.PreferredOverValid); // §21.22: "A client discards any prefixes ..."
        Span<byte> prefix = stackalloc byte[Ipv6Bytes.AddressLength];
        data.Slice(PrefixOffset, Ipv6Bytes.AddressLength).CopyTo(prefix);
        into.Prefixes.Add(new IaPrefix(PrefixBytes.ToNetwork(prefix, prefixLength), preferred, valid, contents.Status));
        return Dhcpv6ReadResult.Ok;
    }

    private static Dhcpv6ReadResult Ignore(Dhcpv6EncapsulatedSet into, Dhcpv6OptionFault fault)
    {
        into.Faults.Note(fault);
        return Dhcpv6ReadResult.Ok;
    }
}
