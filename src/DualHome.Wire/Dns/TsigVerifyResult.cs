namespace DualHome.Wire.Dns;

/// <summary>
/// The verdict on a response's TSIG (RFC 8945 §5.4: the client runs the §5.2 checks on it). Only <see cref="Ok"/>
/// and <see cref="PeerError"/> are authentic; every other value means "not from the server with our key":
/// discard it and keep waiting for a signed answer until the request times out (§5.4). Values are stable.
/// </summary>
public enum TsigVerifyResult : byte
{
    /// <summary>The MAC verifies with our key over our request's MAC, the time is within the fudge, Error is 0.</summary>
    Ok = 0,
    /// <summary>No TSIG RR: a signed request must get a signed answer (§5.4).</summary>
    Missing = 1,
    /// <summary>The message does not parse (see <see cref="DnsReadResult"/>), or the MAC Size breaks §5.2.2.1
    /// (longer than the hash, rule 1; shorter than max(10, hash/2) and not an error answer, rule 3): FORMERR.</summary>
    Malformed = 2,
    /// <summary>The key name or algorithm differs from the request's (§5.2.1, §5.4.1: a server MUST NOT sign with
    /// another key).</summary>
    BadKey = 3,
    /// <summary>The MAC does not verify (§5.2.2): forged or damaged in transit.</summary>
    BadSig = 4,
    /// <summary>The MAC verifies but Time Signed is more than Fudge seconds from our clock (§5.2.3, §5.4.3).</summary>
    BadTime = 5,
    /// <summary>MAC Size 0 with a TSIG Error: the server rejected our request's TSIG and could not sign its answer
    /// (§5.3.2; BADSIG or BADKEY). Not authentic, so only a hint, but the likely reason: a wrong key or secret.</summary>
    Unsigned = 6,
    /// <summary>Authentic, and the server reports a TSIG error on our request (e.g. BADTIME with its clock in Other
    /// Data, §5.2.3, §5.4.3): see <see cref="TsigRecord.Error"/>.</summary>
    PeerError = 7,
}

/// <summary>Stable snake_case names for counters and logs, independent of <c>Enum.ToString</c>.</summary>
public static class TsigVerifyResultNames
{
    public static string ToStableName(this TsigVerifyResult result) => result switch
    {
        TsigVerifyResult.Ok => "ok",
        TsigVerifyResult.Missing => "missing",
        TsigVerifyResult.Malformed => "malformed",
        TsigVerifyResult.BadKey => "bad_key",
        TsigVerifyResult.BadSig => "bad_sig",
        TsigVerifyResult.BadTime => "bad_time",
        TsigVerifyResult.Unsigned => "unsigned",
        TsigVerifyResult.PeerError => "peer_error",
        _ => "unknown",
    };
}
