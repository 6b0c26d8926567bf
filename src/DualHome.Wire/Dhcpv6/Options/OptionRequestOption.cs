using System.Buffers.Binary;

namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>Option Request option (6), RFC 8415 §21.7: a list of 2-octet option codes.</summary>
internal static class OptionRequestOption
{
    public static int Measure(IReadOnlyList<ushort>? codes)
    {
        if (codes is null)
            return 0;
        Dhcpv6OptionHeader.RequireDataLength(codes.Count * 2, (ushort)Dhcpv6OptionCode.OptionRequest);
        return Dhcpv6Constants.OptionHeaderLength + codes.Count * 2;
    }

    public static int Write(IReadOnlyList<ushort> codes, Span<byte> destination)
    {
        int at = Dhcpv6OptionHeader.Write(destination, Dhcpv6OptionCode.OptionRequest, codes.Count * 2);
        foreach (ushort code in codes)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[at..], code);
            at += 2;
        }
        return at;
    }

    public static Dhcpv6ReadResult Read(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        if (data.Length % 2 != 0)
            return Dhcpv6ReadResult.BadOptionLength; // §21.7: "option-len: 2 * number of requested options"
        var codes = new ushort[data.Length / 2];
        for (int i = 0; i < codes.Length; i++)
            codes[i] = BinaryPrimitives.ReadUInt16BigEndian(data[(2 * i)..]);
        into.RequestedOptions = codes;
        return Dhcpv6ReadResult.Ok;
    }
}
