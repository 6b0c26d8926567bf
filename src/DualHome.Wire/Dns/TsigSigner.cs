using System.Buffers.Binary;

namespace DualHome.Wire.Dns;

/// <summary>
/// Signs a request with TSIG (RFC 8945 §4.3, §5.1): computes the MAC over the message and the TSIG variables,
/// appends the TSIG RR as the last RR of the additional section and adds one to ARCOUNT. The MAC is full length
/// (no truncation, §5.2.2.1 rule 2), Error 0, no Other Data, as nsupdate sends.
/// </summary>
public static class TsigSigner
{
    /// <summary>The fudge RFC 8945 recommends, 300 seconds; nsupdate and named use it.</summary>
    public const ushort DefaultFudge = 300;

    /// <summary>The octets the TSIG RR adds to a request signed with <paramref name="key"/>.</summary>
    public static int Measure(TsigKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TsigRecordFormat.Measure(key, key.Algorithm.MacLength(), otherLength: 0);
    }

    /// <summary>
    /// Signs the <paramref name="messageLength"/>-octet message at the start of <paramref name="buffer"/> in place,
    /// at time <paramref name="now"/> (from the daemon's <see cref="TimeProvider"/>). Refuses with
    /// <see cref="TsigSignResult.ClockUnset"/> while the clock is obviously unset (<see cref="TsigClock"/>).
    /// </summary>
    public static TsigSignResult TrySign(Span<byte> buffer, int messageLength, TsigKey key, DateTimeOffset now,
        out int signedLength, ushort fudge = DefaultFudge)
    {
        signedLength = 0;
        ArgumentNullException.ThrowIfNull(key);
        if (!TsigClock.IsPlausible(now))
            return TsigSignResult.ClockUnset;
        return TrySign(buffer, messageLength, key, now.ToUnixTimeSeconds(), fudge, requestMac: default, TsigError.NoError,
            otherData: default, key.Algorithm.MacLength(), out signedLength);
    }

    /// <summary>
    /// The general form (§4.3.1: a response is signed over the request's MAC first; §5.2.2.1: a MAC may be
    /// truncated to <paramref name="macLength"/>). The daemon only signs requests; tests use this to build
    /// server responses and forgeries.
    /// </summary>
    internal static TsigSignResult TrySign(Span<byte> buffer, int messageLength, TsigKey key, long timeSigned, ushort fudge,
        ReadOnlySpan<byte> requestMac, TsigError error, ReadOnlySpan<byte> otherData, int macLength, out int signedLength)
    {
        signedLength = 0;
        if (messageLength < DnsHeader.Length || messageLength > buffer.Length)
            return TsigSignResult.BadMessage;
        Span<byte> message = buffer[..messageLength];
        ushort additional = BinaryPrimitives.ReadUInt16BigEndian(message[DnsHeader.AdditionalCountOffset..]);
        if (additional == ushort.MaxValue)
            return TsigSignResult.BadMessage;
        int recordLength = TsigRecordFormat.Measure(key, macLength, otherData.Length);
        if (buffer.Length - messageLength < recordLength)
            return TsigSignResult.BufferTooSmall;
        var fields = new TsigFields
        {
            TimeSigned = timeSigned, Fudge = fudge, Error = error, OtherData = otherData,
            OriginalId = BinaryPrimitives.ReadUInt16BigEndian(message), // §4.2: the ID the message goes out with
        };
        Span<byte> mac = stackalloc byte[TsigAlgorithm.HmacSha512.MacLength()];
        TsigMac.Compute(key, requestMac, message, additional, fields, mac);
        signedLength = messageLength + TsigRecordFormat.Write(buffer[messageLength..], key, mac[..macLength], fields);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[DnsHeader.AdditionalCountOffset..], (ushort)(additional + 1)); // §4.3.1
        return TsigSignResult.Ok;
    }
}
