namespace DualHome.Wire.Nd;

/// <summary>
/// Why a known option was ignored while the message itself stayed valid. RFC 4861 §6.1/§7.1 list every
/// reason to discard a whole message; a malformed option is not among them, and RFC 4191 §2.3 and
/// RFC 8106 §5 have the receiver ignore the option instead (as Linux and systemd-networkd do).
/// </summary>
public enum NdOptionFault : byte
{
    None = 0,
    /// <summary>Length not allowed for the type: PIO ≠ 4 (§4.6.2), MTU ≠ 1 (§4.6.4), Ethernet link-layer ≠ 1 (RFC 2464 §6), RIO > 3 (RFC 4191 §2.3), RDNSS even or &lt; 3 (RFC 8106 §5.1), DNSSL &lt; 2 (RFC 8106 §5.2).</summary>
    BadLength = 1,
    /// <summary>Prefix Length above 128 (§4.6.2, RFC 4191 §2.3).</summary>
    PrefixLengthOver128 = 2,
    /// <summary>RIO Prefix Length needs more prefix octets than the option carries (RFC 4191 §2.3).</summary>
    PrefixLongerThanOption = 3,
    /// <summary>RIO Route Preference 10 (RFC 4191 §2.3: the option MUST be ignored).</summary>
    ReservedPreference = 4,
    /// <summary>DNSSL without a well-formed, uncompressed name (RFC 8106 §5.2, RFC 1035 §3.1).</summary>
    BadDomainName = 5,
    /// <summary>A second SLLA, TLLA or MTU option: the first one is used.</summary>
    Duplicate = 6,
}

/// <summary>Stable snake_case names for counters and logs, independent of <c>Enum.ToString</c>.</summary>
public static class NdOptionFaultNames
{
    public static string ToStableName(this NdOptionFault fault) => fault switch
    {
        NdOptionFault.None => "none",
        NdOptionFault.BadLength => "bad_length",
        NdOptionFault.PrefixLengthOver128 => "prefix_length_over_128",
        NdOptionFault.PrefixLongerThanOption => "prefix_longer_than_option",
        NdOptionFault.ReservedPreference => "reserved_preference",
        NdOptionFault.BadDomainName => "bad_domain_name",
        NdOptionFault.Duplicate => "duplicate",
        _ => "unknown",
    };
}
