namespace DualHome.Wire.Dhcpv6;

/// <summary>
/// The verdict on a received DHCPv6 message: <see cref="Ok"/>, or why it is discarded whole. Values are stable:
/// counters and logs may key on them (see <see cref="Dhcpv6ReadResultNames"/>).
/// </summary>
public enum Dhcpv6ReadResult : byte
{
    Ok = 0,
    /// <summary>Shorter than msg-type and transaction-id (§8).</summary>
    TooShort = 1,
    /// <summary>A message type RFC 8415 §7.3 does not define (§16: discard it).</summary>
    UnknownMessageType = 2,
    /// <summary>Relay-forward/Relay-reply (§9): a client never processes them.</summary>
    RelayMessage = 3,
    /// <summary>An option header or its data runs past the end of the message or of the enclosing option (§21.1).</summary>
    OptionOverrun = 4,
    /// <summary>A known option whose option-len its format forbids: ORO odd (§21.7), Preference ≠ 1 (§21.8), Elapsed
    /// Time ≠ 2 (§21.9), Authentication &lt; 11 (§21.11), Status Code &lt; 2 (§21.13), Rapid Commit ≠ 0 (§21.14),
    /// Reconfigure Message ≠ 1 (§21.19), Reconfigure Accept ≠ 0 (§21.20), SOL_MAX_RT/INF_MAX_RT ≠ 4 (§21.24, §21.25).</summary>
    BadOptionLength = 5,
    /// <summary>A Client or Server Identifier that cannot hold a DUID: under 3 or over 130 octets (§11.1).</summary>
    BadDuid = 6,
    /// <summary>IA_PD option-len under 12 (§21.21: IAID, T1, T2).</summary>
    IaPdTooShort = 7,
    /// <summary>IA Prefix option-len under 25 (§21.22: lifetimes, prefix-length, prefix).</summary>
    IaPrefixTooShort = 8,
    /// <summary>An option that "may appear only once" (§21) appears twice.</summary>
    DuplicateOption = 9,
}

/// <summary>Stable snake_case names for counters and logs, independent of <c>Enum.ToString</c>.</summary>
public static class Dhcpv6ReadResultNames
{
    public static string ToStableName(this Dhcpv6ReadResult result) => result switch
    {
        Dhcpv6ReadResult.Ok => "ok",
        Dhcpv6ReadResult.TooShort => "too_short",
        Dhcpv6ReadResult.UnknownMessageType => "unknown_message_type",
        Dhcpv6ReadResult.RelayMessage => "relay_message",
        Dhcpv6ReadResult.OptionOverrun => "option_overrun",
        Dhcpv6ReadResult.BadOptionLength => "bad_option_length",
        Dhcpv6ReadResult.BadDuid => "bad_duid",
        Dhcpv6ReadResult.IaPdTooShort => "ia_pd_too_short",
        Dhcpv6ReadResult.IaPrefixTooShort => "ia_prefix_too_short",
        Dhcpv6ReadResult.DuplicateOption => "duplicate_option",
        _ => "unknown",
    };
}
