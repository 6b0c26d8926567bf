namespace DualHome.Wire.Dhcpv6;

/// <summary>
/// Why part of a well-formed message was left out of the model while the message stayed valid: in each case
/// RFC 8415 tells the client to ignore that part and process the rest.
/// </summary>
public enum Dhcpv6OptionFault : byte
{
    None = 0,
    /// <summary>§21.22: "A client discards any prefixes for which the preferred lifetime is greater than the valid lifetime."</summary>
    PreferredOverValid = 1,
    /// <summary>§21.22: prefix-length is a bit count within a 128-bit prefix field; above 128 the prefix is ignored.</summary>
    PrefixLengthOver128 = 2,
    /// <summary>§21.21: T1 &gt; T2 with both nonzero: "the client discards the IA_PD option and processes the
    /// remainder of the message as though the server had not included the IA_PD option".</summary>
    T1OverT2 = 3,
    /// <summary>§21.24, §21.25: SOL_MAX_RT or INF_MAX_RT below 60 or above 86400 s MUST be ignored.</summary>
    MaxRtOutOfRange = 4,
}

/// <summary>Stable snake_case names for counters and logs, independent of <c>Enum.ToString</c>.</summary>
public static class Dhcpv6OptionFaultNames
{
    public static string ToStableName(this Dhcpv6OptionFault fault) => fault switch
    {
        Dhcpv6OptionFault.None => "none",
        Dhcpv6OptionFault.PreferredOverValid => "preferred_over_valid",
        Dhcpv6OptionFault.PrefixLengthOver128 => "prefix_length_over_128",
        Dhcpv6OptionFault.T1OverT2 => "t1_over_t2",
        Dhcpv6OptionFault.MaxRtOutOfRange => "max_rt_out_of_range",
        _ => "unknown",
    };
}
