using System.Buffers.Binary;

namespace DualHome.Wire.Dns;

/// <summary>
/// Reads a received DNS response: header, every question and RR checked against the end of the message and
/// skipped, the OPT RR's extended RCODE (RFC 6891 §6.1.3) and the TSIG RR (RFC 8945 §4.2). Never throws on
/// message content: anything malformed is a <see cref="DnsReadResult"/> with a null model.
/// </summary>
public static class DnsResponseReader
{
    private const int QuestionFixedLength = 4; // RFC 1035 §4.1.2: QTYPE, QCLASS
    private const int RrFixedLength = 10;      // RFC 1035 §4.1.3: TYPE, CLASS, TTL, RDLENGTH

    public static DnsReadResult TryRead(ReadOnlySpan<byte> message, out DnsResponse? response) =>
        Read(message, requireResponse: true, out response);

    /// <summary>Also reads requests (QR 0): the verifier takes the request MAC from our own signed request.</summary>
    internal static DnsReadResult Read(ReadOnlySpan<byte> message, bool requireResponse, out DnsResponse? response)
    {
        response = null;
        if (!DnsHeader.TryRead(message, out DnsHeader header))
            return DnsReadResult.TooShort;
        if (requireResponse && !header.IsResponse)
            return DnsReadResult.NotAResponse;
        int position = DnsHeader.Length;
        for (int i = 0; i < header.QuestionCount; i++)
        {
            DnsReadResult question = SkipQuestion(message, ref position);
            if (question != DnsReadResult.Ok)
                return question;
        }
        var state = new RecordState(header);
        int total = header.AnswerCount + header.AuthorityCount + header.AdditionalCount;
        for (int i = 0; i < total; i++)
        {
            DnsReadResult record = ReadRecord(message, ref position, i, ref state);
            if (record != DnsReadResult.Ok)
                return record;
        }
        if (position != message.Length)
            return DnsReadResult.TrailingBytes;
        response = new DnsResponse(header, (DnsRcode)(state.ExtendedRcode << 4 | header.Rcode), state.Tsig);
        return DnsReadResult.Ok;
    }

    private static DnsReadResult SkipQuestion(ReadOnlySpan<byte> message, ref int position)
    {
        if (position == message.Length)
            return DnsReadResult.RecordOverrun; // the header counts more questions than there are
        if (!DnsNameReader.TrySkip(message, ref position))
            return DnsReadResult.BadName;
        if (position + QuestionFixedLength > message.Length)
            return DnsReadResult.RecordOverrun;
        position += QuestionFixedLength;
        return DnsReadResult.Ok;
    }

    private static DnsReadResult ReadRecord(ReadOnlySpan<byte> message, ref int position, int index, ref RecordState state)
    {
        int start = position;
        if (position == message.Length)
            return DnsReadResult.RecordOverrun; // the header counts more RRs than there are
        Span<byte> owner = stackalloc byte[DnsWireName.MaxWireLength];
        if (!DnsNameReader.TryRead(message, ref position, owner, out int ownerLength))
            return DnsReadResult.BadName;
        if (position + RrFixedLength > message.Length)
            return DnsReadResult.RecordOverrun;
        var type = (DnsType)BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
        var rrClass = (DnsClass)BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]);
        uint ttl = BinaryPrimitives.ReadUInt32BigEndian(message[(position + 4)..]);
        int rdataLength = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 8)..]);
        int rdataStart = position + RrFixedLength;
        if (rdataStart + rdataLength > message.Length)
            return DnsReadResult.RecordOverrun;
        position = rdataStart + rdataLength;
        bool additional = index >= state.FirstAdditional;
        return type switch
        {
            DnsType.Tsig when !additional || index != state.Last => DnsReadResult.TsigNotLast, // RFC 8945 §5.2
            DnsType.Tsig => TsigRecordFormat.TryRead(message, start, owner[..ownerLength], rrClass, ttl, rdataStart, rdataLength, out state.Tsig)
                ? DnsReadResult.Ok : DnsReadResult.BadTsig,
            DnsType.Opt => ReadOpt(additional, ownerLength, ttl, ref state),
            _ => DnsReadResult.Ok,
        };
    }

    /// <summary>RFC 6891 §6.1.1: one OPT, in the additional section, owned by the root; §6.1.3: TTL's top octet
    /// is the upper 8 bits of the 12-bit RCODE.</summary>
    private static DnsReadResult ReadOpt(bool additional, int ownerLength, uint ttl, ref RecordState state)
    {
        if (!additional || state.SawOpt || ownerLength != 1)
            return DnsReadResult.BadOpt;
        state.SawOpt = true;
        state.ExtendedRcode = (int)(ttl >> 24);
        return DnsReadResult.Ok;
    }

    private struct RecordState(DnsHeader header)
    {
        public readonly int FirstAdditional = header.AnswerCount + header.AuthorityCount;
        public readonly int Last = header.AnswerCount + header.AuthorityCount + header.AdditionalCount - 1;
        public TsigRecord? Tsig;
        public bool SawOpt;
        public int ExtendedRcode;
    }
}
