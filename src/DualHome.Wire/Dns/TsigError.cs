namespace DualHome.Wire.Dns;

/// <summary>The TSIG RR's Error field (RFC 8945 §3, §4.2; IANA "DNS RCODEs" 16–22).</summary>
public enum TsigError : ushort
{
    NoError = 0,
    /// <summary>RFC 8945 §5.2.2: the MAC did not verify.</summary>
    BadSig = 16,
    /// <summary>RFC 8945 §5.2.1: the key (or its algorithm) is not known.</summary>
    BadKey = 17,
    /// <summary>RFC 8945 §5.2.3: Time Signed is outside the fudge window; Other Data holds the server's time.</summary>
    BadTime = 18,
    /// <summary>RFC 2930 (TKEY).</summary>
    BadMode = 19,
    /// <summary>RFC 2930 (TKEY).</summary>
    BadName = 20,
    /// <summary>RFC 2930 (TKEY).</summary>
    BadAlg = 21,
    /// <summary>RFC 8945 §5.2.4: the MAC was truncated more than the receiver's policy allows.</summary>
    BadTrunc = 22,
}
