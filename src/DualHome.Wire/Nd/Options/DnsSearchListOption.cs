using System.Buffers.Binary;
using DualHome.Wire.Dns;

namespace DualHome.Wire.Nd.Options;

/// <summary>DNS Search List option (type 31), RFC 8106 §5.2: names in RFC 1035 §3.1 form, zero-padded to 8 octets.</summary>
internal static class DnsSearchListOption
{
    private const int FixedLength = 8; // Type, Length, Reserved (2), Lifetime (4)

    public static int Measure(DnsSearchList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(list.Domains, nameof(list));
        if (list.Domains.Count == 0)
            throw new ArgumentException("DNSSL carries one or more domain names (RFC 8106 §5.2).", nameof(list));
        int names = list.Domains.Sum(DnsWireName.Measure);
        int length = RoundUpToUnit(FixedLength + names);
        if (length > NdConstants.MaxOptionUnits * NdConstants.OptionUnit)
            throw new ArgumentException($"DNSSL of {length} octets exceeds 255 units (RFC 4861 §4.6).", nameof(list));
        return length;
    }

    public static int Write(DnsSearchList list, Span<byte> destination)
    {
        int length = Measure(list);
        Span<byte> option = destination[..length];
        option.Clear(); // Reserved and the padding after the last name MUST be zero (RFC 8106 §5.2)
        option[0] = (byte)NdOptionType.DnsSearchList;
        option[1] = (byte)(length / NdConstants.OptionUnit);
        BinaryPrimitives.WriteUInt32BigEndian(option[4..], list.Lifetime);
        int position = FixedLength;
        foreach (string domain in list.Domains)
            position += DnsWireName.Write(domain, option[position..]);
        return length;
    }

    private static int RoundUpToUnit(int length) =>
        (length + NdConstants.OptionUnit - 1) / NdConstants.OptionUnit * NdConstants.OptionUnit;

    public static NdOptionFault Read(ReadOnlySpan<byte> option, NdOptionSet into)
    {
        if (option.Length < 2 * NdConstants.OptionUnit)
            return NdOptionFault.BadLength; // RFC 8106 §5.2: minimum Length 2
        var domains = new List<string>();
        if (!DnsWireName.TryReadList(option[FixedLength..], domains))
            return NdOptionFault.BadDomainName;
        into.SearchLists.Add(new DnsSearchList(BinaryPrimitives.ReadUInt32BigEndian(option[4..]), domains));
        return NdOptionFault.None;
    }
}
