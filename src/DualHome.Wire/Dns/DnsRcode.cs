namespace DualHome.Wire.Dns;

/// <summary>
/// Response codes (IANA "DNS RCODEs"): the header's 4 bits (RFC 1035 §4.1.1, RFC 2136 §2.2), extended to 12 bits by
/// an OPT RR (RFC 6891 §6.1.3). The TSIG-only codes 16–22 travel in the TSIG RR's Error field, not here: see
/// <see cref="TsigError"/> (RFC 8945 §3: the header then says <see cref="NotAuth"/>).
/// </summary>
public enum DnsRcode : ushort
{
    NoError = 0,
    /// <summary>RFC 1035 §4.1.1: the server could not interpret the request.</summary>
    FormErr = 1,
    ServFail = 2,
    NXDomain = 3,
    NotImp = 4,
    Refused = 5,
    /// <summary>RFC 2136 §2.2: a name that ought not to exist does exist (prerequisite "name is not in use" failed).</summary>
    YXDomain = 6,
    /// <summary>RFC 2136 §2.2: an RRset that ought not to exist does exist.</summary>
    YXRRSet = 7,
    /// <summary>RFC 2136 §2.2: an RRset that ought to exist does not (or, value dependent, differs).</summary>
    NXRRSet = 8,
    /// <summary>RFC 2136 §2.2 / RFC 8945 §3: not authoritative for the zone, or a TSIG check failed (see the TSIG Error).</summary>
    NotAuth = 9,
    /// <summary>RFC 2136 §2.2: a name in the prerequisite or update section is outside the zone.</summary>
    NotZone = 10,
    /// <summary>RFC 6891 §6.1.3: the server does not implement the EDNS version asked for.</summary>
    BadVers = 16,
}
