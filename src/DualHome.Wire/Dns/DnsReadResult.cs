namespace DualHome.Wire.Dns;

/// <summary>
/// Why <see cref="DnsResponseReader.TryRead"/> refused a message (the RFC 1035 §4.1 / RFC 8945 §5.2 reason a
/// receiver treats it as FORMERR). Values are stable: counters and logs may key on them.
/// </summary>
public enum DnsReadResult : byte
{
    Ok = 0,
    /// <summary>Shorter than the 12-octet header (RFC 1035 §4.1.1).</summary>
    TooShort = 1,
    /// <summary>QR is 0: a query or request, not a response (RFC 1035 §4.1.1).</summary>
    NotAResponse = 2,
    /// <summary>A name runs past the end, has a label over 63 octets or a reserved label type, exceeds 255 octets,
    /// or has a compression pointer that does not point backwards (RFC 1035 §2.3.4, §4.1.4).</summary>
    BadName = 3,
    /// <summary>A question's or RR's fixed fields or RDATA run past the end: fewer records than the header counts
    /// (RFC 1035 §4.1.2, §4.1.3).</summary>
    RecordOverrun = 4,
    /// <summary>Octets follow the last record the header counts. A TSIG MAC would not cover them (RFC 8945 §4.3).</summary>
    TrailingBytes = 5,
    /// <summary>A TSIG RR that is not the last RR of the additional section, or a second one (RFC 8945 §5.2: FORMERR).</summary>
    TsigNotLast = 6,
    /// <summary>A TSIG RR whose CLASS is not ANY, TTL not 0, or whose RDATA fields do not fill RDLENGTH exactly (RFC 8945 §4.2).</summary>
    BadTsig = 7,
    /// <summary>An OPT RR outside the additional section, a second one, or one not owned by the root (RFC 6891 §6.1.1).</summary>
    BadOpt = 8,
}

/// <summary>Stable snake_case names for counters and logs, independent of <c>Enum.ToString</c>.</summary>
public static class DnsReadResultNames
{
    public static string ToStableName(this DnsReadResult result) => result switch
    {
        DnsReadResult.Ok => "ok",
        DnsReadResult.TooShort => "too_short",
        DnsReadResult.NotAResponse => "not_a_response",
        DnsReadResult.BadName => "bad_name",
        DnsReadResult.RecordOverrun => "record_overrun",
        DnsReadResult.TrailingBytes => "trailing_bytes",
        DnsReadResult.TsigNotLast => "tsig_not_last",
        DnsReadResult.BadTsig => "bad_tsig",
        DnsReadResult.BadOpt => "bad_opt",
        _ => "unknown",
    };
}
