using System.Buffers.Binary;

namespace DualHome.Wire.Dns;

/// <summary>
/// The TSIG RR on the wire (RFC 8945 §4.2): NAME = key name, TYPE TSIG, CLASS ANY, TTL 0, RDLENGTH, then RDATA:
/// Algorithm Name, Time Signed (48 bits), Fudge, MAC Size, MAC, Original ID, Error, Other Len, Other Data.
/// Names are written uncompressed in canonical form, as nsupdate and named do.
/// </summary>
internal static class TsigRecordFormat
{
    /// <summary>§4.2: Time Signed is a 48-bit count of seconds.</summary>
    public const int TimeLength = 6;

    public const long MaxTime = (1L << 48) - 1;

    private const int RrFixedLength = 10;   // RFC 1035 §4.1.3: TYPE, CLASS, TTL, RDLENGTH
    private const int BeforeMacLength = 10; // Time Signed 6, Fudge 2, MAC Size 2
    private const int AfterMacLength = 6;   // Original ID 2, Error 2, Other Len 2

    public static int Measure(TsigKey key, int macLength, int otherLength) =>
        key.NameWire.Length + RrFixedLength + key.AlgorithmWire.Length + BeforeMacLength + macLength + AfterMacLength + otherLength;

    /// <summary>Writes the whole RR at the start of <paramref name="destination"/> (already checked to be long enough).</summary>
    public static int Write(Span<byte> destination, TsigKey key, ReadOnlySpan<byte> mac, in TsigFields fields)
    {
        int length = Measure(key, mac.Length, fields.OtherData.Length);
        Span<byte> rr = destination[..length];
        key.NameWire.CopyTo(rr);
        Span<byte> fixedPart = rr[key.NameWire.Length..];
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart, (ushort)DnsType.Tsig);
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart[2..], (ushort)DnsClass.Any); // §4.2: CLASS ANY
        BinaryPrimitives.WriteUInt32BigEndian(fixedPart[4..], 0);                    // §4.2: TTL 0
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart[8..], (ushort)(length - key.NameWire.Length - RrFixedLength));
        Span<byte> rdata = fixedPart[RrFixedLength..];
        key.AlgorithmWire.CopyTo(rdata);
        Span<byte> body = rdata[key.AlgorithmWire.Length..];
        WriteTime(body, fields.TimeSigned);
        BinaryPrimitives.WriteUInt16BigEndian(body[6..], fields.Fudge);
        BinaryPrimitives.WriteUInt16BigEndian(body[8..], (ushort)mac.Length);
        mac.CopyTo(body[BeforeMacLength..]);
        Span<byte> after = body[(BeforeMacLength + mac.Length)..];
        BinaryPrimitives.WriteUInt16BigEndian(after, fields.OriginalId);
        BinaryPrimitives.WriteUInt16BigEndian(after[2..], (ushort)fields.Error);
        BinaryPrimitives.WriteUInt16BigEndian(after[4..], (ushort)fields.OtherData.Length);
        fields.OtherData.CopyTo(after[AfterMacLength..]);
        return length;
    }

    /// <summary>
    /// Reads the RDATA of a TSIG RR whose owner, CLASS and TTL the caller has read. False when §4.2 is not met:
    /// CLASS not ANY, TTL not 0, a field running past RDLENGTH, or RDATA left over.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> message, int offset, ReadOnlySpan<byte> ownerWire, DnsClass rrClass, uint ttl,
        int rdataStart, int rdataLength, out TsigRecord? record)
    {
        record = null;
        int end = rdataStart + rdataLength;
        int position = rdataStart;
        Span<byte> algorithm = stackalloc byte[DnsWireName.MaxWireLength];
        if (rrClass != DnsClass.Any || ttl != 0 || !DnsNameReader.TryRead(message, ref position, algorithm, out int algorithmLength))
            return false;
        ReadOnlySpan<byte> rest = message[..end];
        if (position + BeforeMacLength > end)
            return false;
        int macLength = BinaryPrimitives.ReadUInt16BigEndian(rest[(position + 8)..]);
        int after = position + BeforeMacLength + macLength;
        if (after + AfterMacLength > end)
            return false;
        int otherLength = BinaryPrimitives.ReadUInt16BigEndian(rest[(after + 4)..]);
        if (after + AfterMacLength + otherLength != end)
            return false; // §4.2: the fields fill RDLENGTH exactly
        record = new TsigRecord
        {
            KeyName = DnsNameReader.ToText(ownerWire),
            KeyNameWire = ownerWire.ToArray(),
            AlgorithmName = DnsNameReader.ToText(algorithm[..algorithmLength]),
            AlgorithmWire = algorithm[..algorithmLength].ToArray(),
            TimeSigned = ReadTime(rest[position..]),
            Fudge = BinaryPrimitives.ReadUInt16BigEndian(rest[(position + 6)..]),
            Mac = rest.Slice(position + BeforeMacLength, macLength).ToArray(),
            OriginalId = BinaryPrimitives.ReadUInt16BigEndian(rest[after..]),
            Error = (TsigError)BinaryPrimitives.ReadUInt16BigEndian(rest[(after + 2)..]),
            OtherData = rest.Slice(after + AfterMacLength, otherLength).ToArray(),
            Offset = offset,
        };
        return true;
    }

    public static void WriteTime(Span<byte> destination, long seconds)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(seconds >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)seconds);
    }

    public static long ReadTime(ReadOnlySpan<byte> source) =>
        (long)BinaryPrimitives.ReadUInt16BigEndian(source) << 32 | BinaryPrimitives.ReadUInt32BigEndian(source[2..]);
}
