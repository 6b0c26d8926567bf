namespace DualHome.Wire.Nd;

/// <summary>
/// The verdict on a received ND message: <see cref="Ok"/>, or the reason RFC 4861 §6.1 / §7.1 says to
/// silently discard it. Values are stable: counters and logs may key on them (see <see cref="NdReadResultNames"/>).
/// </summary>
public enum NdReadResult : byte
{
    Ok = 0,
    /// <summary>Shorter than the ICMPv6 header (RFC 4443 §2.1) or the message's fixed part (§6.1.1: 8, §6.1.2: 16, §7.1.1/§7.1.2: 24).</summary>
    TooShort = 1,
    /// <summary>Not RS, RA, NS or NA.</summary>
    UnknownType = 2,
    /// <summary>A valid ND type, but not the one the caller asked to read.</summary>
    WrongType = 3,
    /// <summary>IP hop limit is not 255 (§6.1.1, §6.1.2, §7.1.1, §7.1.2).</summary>
    BadHopLimit = 4,
    /// <summary>ICMPv6 checksum does not verify (RFC 4443 §2.3; §6.1.1, §6.1.2, §7.1.1, §7.1.2).</summary>
    BadChecksum = 5,
    /// <summary>ICMP code is not 0 (§6.1.1, §6.1.2, §7.1.1, §7.1.2).</summary>
    BadCode = 6,
    /// <summary>RA not from a link-local address (§6.1.2), or RS/NS from :: carrying a Source Link-Layer Address option (§6.1.1, §7.1.1).</summary>
    BadSource = 7,
    /// <summary>NS from :: not sent to a solicited-node multicast address (§7.1.1).</summary>
    BadDestination = 8,
    /// <summary>NS/NA Target Address is multicast (§7.1.1, §7.1.2).</summary>
    TargetMulticast = 9,
    /// <summary>NA to a multicast destination with the Solicited flag set (§7.1.2).</summary>
    SolicitedToMulticast = 10,
    /// <summary>An option has length 0 (§4.6: discard the whole packet).</summary>
    ZeroLengthOption = 11,
    /// <summary>An option (or the bytes left for one) runs past the end: the options must consume the message exactly (§4.6).</summary>
    OptionOverrun = 12,
}

/// <summary>Stable snake_case names for counters and logs, independent of <c>Enum.ToString</c>.</summary>
public static class NdReadResultNames
{
    public static string ToStableName(this NdReadResult result) => result switch
    {
        NdReadResult.Ok => "ok",
        NdReadResult.TooShort => "too_short",
        NdReadResult.UnknownType => "unknown_type",
        NdReadResult.WrongType => "wrong_type",
        NdReadResult.BadHopLimit => "bad_hop_limit",
        NdReadResult.BadChecksum => "bad_checksum",
        NdReadResult.BadCode => "bad_code",
        NdReadResult.BadSource => "bad_source",
        NdReadResult.BadDestination => "bad_destination",
        NdReadResult.TargetMulticast => "target_multicast",
        NdReadResult.SolicitedToMulticast => "solicited_to_multicast",
        NdReadResult.ZeroLengthOption => "zero_length_option",
        NdReadResult.OptionOverrun => "option_overrun",
        _ => "unknown",
    };
}
