using System.Buffers.Binary;
using System.Text;

namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>Status Code option (13), RFC 8415 §21.13: status-code (2), then a UTF-8 status-message (not NUL-terminated).</summary>
internal static class StatusCodeOption
{
    /// <summary>§21.13: "option-len: 2 + length of status-message".</summary>
    public const int FixedLength = 2;

    /// <summary>Never throws on bad UTF-8: invalid sequences become U+FFFD (the message is only for people).</summary>
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static int Measure(Dhcpv6Status? status)
    {
        if (status is null)
            return 0;
        ArgumentNullException.ThrowIfNull(status.Message, nameof(status));
        int length = FixedLength + Utf8.GetByteCount(status.Message);
        Dhcpv6OptionHeader.RequireDataLength(length, (ushort)Dhcpv6OptionCode.StatusCode);
        return Dhcpv6Constants.OptionHeaderLength + length;
    }

    public static int Write(Dhcpv6Status status, Span<byte> destination)
    {
        int length = Measure(status);
        int at = Dhcpv6OptionHeader.Write(destination, Dhcpv6OptionCode.StatusCode, length - Dhcpv6Constants.OptionHeaderLength);
        BinaryPrimitives.WriteUInt16BigEndian(destination[at..], (ushort)status.Code);
        Utf8.GetBytes(status.Message, destination[(at + FixedLength)..length]);
        return length;
    }

    /// <summary>The table checked option-len ≥ 2 (§21.13).</summary>
    public static Dhcpv6Status Read(ReadOnlySpan<byte> data) =>
        new((Dhcpv6StatusCode)BinaryPrimitives.ReadUInt16BigEndian(data), Utf8.GetString(data[FixedLength..]));

    public static Dhcpv6ReadResult ReadTopLevel(ReadOnlySpan<byte> data, Dhcpv6OptionSet into)
    {
        into.Status = Read(data);
        return Dhcpv6ReadResult.Ok;
    }

    public static Dhcpv6ReadResult ReadEncapsulated(ReadOnlySpan<byte> data, Dhcpv6EncapsulatedSet into)
    {
        into.Status = Read(data);
        return Dhcpv6ReadResult.Ok;
    }
}
