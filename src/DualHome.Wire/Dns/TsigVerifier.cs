using System.Security.Cryptography;

namespace DualHome.Wire.Dns;

/// <summary>
/// Verifies the TSIG on a response to a request we signed (RFC 8945 §5.4, running the §5.2 checks in their
/// order: key §5.2.1, MAC §5.2.2 with truncation §5.2.2.1, time §5.2.3). The MAC is recomputed over the request's
/// MAC, then the response with its TSIG RR removed, ARCOUNT less one and the Original ID in place of the ID
/// (§4.3.1, §4.3.2), then the TSIG variables (§4.3.3). Never throws on response content.
/// Matching the response's ID and question to the request is the caller's job.
/// </summary>
public static class TsigVerifier
{
    /// <summary>
    /// Verifies <paramref name="response"/> against <paramref name="signedRequest"/>, the exact bytes we sent
    /// (their TSIG gives the request MAC). Throws <see cref="ArgumentException"/> if the request carries no TSIG:
    /// that is a programming error, not a network event.
    /// </summary>
    public static TsigVerifyResult Verify(ReadOnlySpan<byte> signedRequest, ReadOnlySpan<byte> response, TsigKey key, DateTimeOffset now)
    {
        if (DnsResponseReader.Read(signedRequest, requireResponse: false, out DnsResponse? request) != DnsReadResult.Ok || request!.Tsig is null)
            throw new ArgumentException("The request is not a TSIG-signed DNS message.", nameof(signedRequest));
        if (DnsResponseReader.TryRead(response, out DnsResponse? parsed) != DnsReadResult.Ok)
            return TsigVerifyResult.Malformed;
        return Verify(response, parsed!, key, request.Tsig.Mac.Span, now);
    }

    /// <summary>Verifies an already parsed <paramref name="parsed"/> (read from <paramref name="response"/>) given the request's MAC.</summary>
    public static TsigVerifyResult Verify(ReadOnlySpan<byte> response, DnsResponse parsed, TsigKey key, ReadOnlySpan<byte> requestMac, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(key);
        TsigRecord? tsig = parsed.Tsig;
        if (tsig is null)
            return TsigVerifyResult.Missing;
        if (!tsig.KeyNameWire.AsSpan().SequenceEqual(key.NameWire) || !tsig.AlgorithmWire.AsSpan().SequenceEqual(key.AlgorithmWire))
            return TsigVerifyResult.BadKey; // §5.2.1 (names compare in canonical form, §4.3.3)
        if (tsig.Mac.IsEmpty && tsig.Error != TsigError.NoError)
            return TsigVerifyResult.Unsigned; // §5.3.2: BADSIG/BADKEY answers are not signed
        if (tsig.Mac.Length > key.Algorithm.MacLength() || tsig.Mac.Length < key.Algorithm.MinimumMacLength())
            return TsigVerifyResult.Malformed; // §5.2.2.1 rules 1 and 3: FORMERR
        if (!MacMatches(response, parsed, tsig, key, requestMac))
            return TsigVerifyResult.BadSig; // §5.2.2
        if (Math.Abs(now.ToUnixTimeSeconds() - tsig.TimeSigned) > tsig.Fudge)
            return TsigVerifyResult.BadTime; // §5.2.3
        return tsig.Error == TsigError.NoError ? TsigVerifyResult.Ok : TsigVerifyResult.PeerError;
    }

    /// <summary>§5.2.2.1 rule 4: a truncated MAC is compared with the same leading octets of ours.</summary>
    private static bool MacMatches(ReadOnlySpan<byte> response, DnsResponse parsed, TsigRecord tsig, TsigKey key, ReadOnlySpan<byte> requestMac)
    {
        var fields = new TsigFields
        {
            TimeSigned = tsig.TimeSigned, Fudge = tsig.Fudge, OriginalId = tsig.OriginalId, Error = tsig.Error,
            OtherData = tsig.OtherData.Span,
        };
        Span<byte> mac = stackalloc byte[TsigAlgorithm.HmacSha512.MacLength()];
        TsigMac.Compute(key, requestMac, response[..tsig.Offset], (ushort)(parsed.Header.AdditionalCount - 1), fields, mac);
        return CryptographicOperations.FixedTimeEquals(mac[..tsig.Mac.Length], tsig.Mac.Span);
    }
}
