using System.Buffers.Binary;

namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>Elapsed Time option (8), RFC 8415 §21.9: hundredths of a second since the client began the exchange.</summary>
internal static class ElapsedTimeOption
{
    /// <summary>§21.9: "option-len: 2".</summary>
    public const int DataLength = 2;

    public static int Measure(ushort? elapsed) => elapsed is null ? 0 : Dhcpv6Constants.OptionHeaderLength + DataLength;

    public static int Write(ushort elapsed, Span<byte> destination)
    {
        int at = Dhcpv6OptionHeader.Write(destination, Dhcpv6OptionCode.ElapsedTime, DataLength);
        BinaryPrimitives.WriteUInt16BigEndian(destination[at..], elapsed);
        return at + DataLength;
    }

    public static Dhcpv6ReadResult Read(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        into.ElapsedTime = BinaryPrimitives.ReadUInt16BigEndian(data);
        return Dhcpv6ReadResult.Ok;
    }
}
