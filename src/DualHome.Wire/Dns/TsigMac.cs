using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DualHome.Wire.Dns;

/// <summary>The MAC computation of RFC 8945 §4.3, shared by signing and verifying.</summary>
internal static class TsigMac
{
    /// <summary>
    /// HMAC over, in order: the request's MAC (MAC Size then MAC, §4.3.1; responses only, empty for a request),
    /// the DNS message without its TSIG RR, with <paramref name="originalId"/> as its ID and
    /// <paramref name="additionalCount"/> as its ARCOUNT (§4.3.2, §5.2), and the TSIG variables (§4.3.3: key name
    /// and algorithm name in canonical form, class ANY, TTL 0, Time Signed, Fudge, Error, Other Len, Other Data).
    /// Writes the full-length MAC into <paramref name="mac"/> and returns its length.
    /// </summary>
    public static int Compute(TsigKey key, ReadOnlySpan<byte> requestMac, ReadOnlySpan<byte> message,
        ushort additionalCount, in TsigFields fields, Span<byte> mac)
    {
        using IncrementalHash hmac = key.CreateHmac();
        Span<byte> scratch = stackalloc byte[DnsHeader.Length];
        if (!requestMac.IsEmpty)
        {
            BinaryPrimitives.WriteUInt16BigEndian(scratch, (ushort)requestMac.Length);
            hmac.AppendData(scratch[..2]);
            hmac.AppendData(requestMac);
        }
        message[..DnsHeader.Length].CopyTo(scratch);
        BinaryPrimitives.WriteUInt16BigEndian(scratch, fields.OriginalId);
        BinaryPrimitives.WriteUInt16BigEndian(scratch[DnsHeader.AdditionalCountOffset..], additionalCount);
        hmac.AppendData(scratch);
        hmac.AppendData(message[DnsHeader.Length..]);
        AppendVariables(hmac, key, fields, scratch);
        return hmac.GetHashAndReset(mac);
    }

    private static void AppendVariables(IncrementalHash hmac, TsigKey key, in TsigFields fields, Span<byte> scratch)
    {
        hmac.AppendData(key.NameWire);
        BinaryPrimitives.WriteUInt16BigEndian(scratch, (ushort)DnsClass.Any); // §4.3.3 Class: ANY
        BinaryPrimitives.WriteUInt32BigEndian(scratch[2..], 0);                // §4.3.3 TTL: 0
        hmac.AppendData(scratch[..6]);
        hmac.AppendData(key.AlgorithmWire);
        TsigRecordFormat.WriteTime(scratch, fields.TimeSigned);
        BinaryPrimitives.WriteUInt16BigEndian(scratch[6..], fields.Fudge);
        BinaryPrimitives.WriteUInt16BigEndian(scratch[8..], (ushort)fields.Error);
        BinaryPrimitives.WriteUInt16BigEndian(scratch[10..], (ushort)fields.OtherData.Length);
        hmac.AppendData(scratch[..12]);
        hmac.AppendData(fields.OtherData);
    }
}
