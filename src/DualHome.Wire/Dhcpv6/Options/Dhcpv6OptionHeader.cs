using System.Buffers.Binary;

namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>Writes the option-code and option-len that start every option (RFC 8415 §21.1).</summary>
internal static class Dhcpv6OptionHeader
{
    /// <summary>§21.1: option-len is 16 bits.</summary>
    public const int MaxDataLength = ushort.MaxValue;

    /// <summary>Writes the header for <paramref name="dataLength"/> octets of data; returns the header length.</summary>
    public static int Write(Span<byte> destination, Dhcpv6OptionCode code, int dataLength) =>
        Write(destination, (ushort)code, dataLength);

    public static int Write(Span<byte> destination, ushort code, int dataLength)
    {
        RequireDataLength(dataLength, code);
        BinaryPrimitives.WriteUInt16BigEndian(destination, code);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)dataLength);
        return Dhcpv6Constants.OptionHeaderLength;
    }

    public static void RequireDataLength(int dataLength, ushort code)
    {
        if (dataLength is < 0 or > MaxDataLength)
            throw new ArgumentException($"Option {code}: {dataLength} octets of data do not fit the 16-bit option-len (RFC 8415 §21.1).");
    }
}
