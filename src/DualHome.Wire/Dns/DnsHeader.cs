using System.Buffers.Binary;

namespace DualHome.Wire.Dns;

/// <summary>
/// The 12-octet message header (RFC 1035 §4.1.1). An UPDATE uses the same layout with its own section names
/// (RFC 2136 §2.2): QDCOUNT is ZOCOUNT, ANCOUNT is PRCOUNT, NSCOUNT is UPCOUNT, ARCOUNT is ADCOUNT.
/// </summary>
public readonly record struct DnsHeader(
    ushort Id,
    bool IsResponse,
    DnsOpcode Opcode,
    bool IsTruncated,
    byte Rcode,
    ushort QuestionCount,
    ushort AnswerCount,
    ushort AuthorityCount,
    ushort AdditionalCount)
{
    /// <summary>RFC 1035 §4.1.1: six 16-bit fields.</summary>
    public const int Length = 12;

    /// <summary>Offset of ARCOUNT, which TSIG signing bumps and verification decrements (RFC 8945 §4.3.1, §5.2).</summary>
    public const int AdditionalCountOffset = 10;

    private const ushort QrBit = 0x8000; // RFC 1035 §4.1.1: QR
    private const int OpcodeShift = 11;  // RFC 1035 §4.1.1: OPCODE, bits 1–4
    private const ushort TcBit = 0x0200; // RFC 1035 §4.1.1: TC
    private const ushort RcodeMask = 0x000f;

    /// <summary>Writes the header; every flag not modelled (AA, RD, RA, Z) is zero, as RFC 2136 §2.2 requires of a request.</summary>
    public void Write(Span<byte> destination)
    {
        Span<byte> header = destination[..Length];
        int flags = ((int)Opcode & 0xf) << OpcodeShift | (Rcode & RcodeMask);
        if (IsResponse)
            flags |= QrBit;
        if (IsTruncated)
            flags |= TcBit;
        BinaryPrimitives.WriteUInt16BigEndian(header, Id);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)flags);
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], QuestionCount);
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], AnswerCount);
        BinaryPrimitives.WriteUInt16BigEndian(header[8..], AuthorityCount);
        BinaryPrimitives.WriteUInt16BigEndian(header[AdditionalCountOffset..], AdditionalCount);
    }

    /// <summary>Reads the header; false when fewer than 12 octets are given (RFC 1035 §4.1.1).</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out DnsHeader header)
    {
        header = default;
        if (message.Length < Length)
            return false;
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        header = new DnsHeader(
            BinaryPrimitives.ReadUInt16BigEndian(message),
            (flags & QrBit) != 0,
            (DnsOpcode)((flags >> OpcodeShift) & 0xf),
            (flags & TcBit) != 0,
            (byte)(flags & RcodeMask),
            BinaryPrimitives.ReadUInt16BigEndian(message[4..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[6..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[8..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[AdditionalCountOffset..]));
        return true;
    }
}
