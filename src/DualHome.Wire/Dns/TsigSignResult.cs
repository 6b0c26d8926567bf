namespace DualHome.Wire.Dns;

/// <summary>The outcome of <see cref="TsigSigner.TrySign"/>. Values are stable: counters and logs may key on them.</summary>
public enum TsigSignResult : byte
{
    Ok = 0,
    /// <summary>The wall clock reads before <see cref="TsigClock.EarliestPlausible"/>: not set yet (no RTC, NTP not
    /// synchronised). Nothing was signed; try again once the time is set.</summary>
    ClockUnset = 1,
    /// <summary>The buffer cannot hold the message plus the TSIG RR.</summary>
    BufferTooSmall = 2,
    /// <summary>The message is shorter than a header, or its ARCOUNT cannot grow by one.</summary>
    BadMessage = 3,
}

/// <summary>Stable snake_case names and log sentences for <see cref="TsigSignResult"/>.</summary>
public static class TsigSignResultNames
{
    public static string ToStableName(this TsigSignResult result) => result switch
    {
        TsigSignResult.Ok => "ok",
        TsigSignResult.ClockUnset => "clock_unset",
        TsigSignResult.BufferTooSmall => "buffer_too_small",
        TsigSignResult.BadMessage => "bad_message",
        _ => "unknown",
    };

    /// <summary>A sentence for the log; <paramref name="now"/> is the clock reading the signer was given.</summary>
    public static string Describe(this TsigSignResult result, DateTimeOffset now) => result switch
    {
        TsigSignResult.Ok => "signed",
        TsigSignResult.ClockUnset => $"refusing to sign: the clock reads {now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, before {TsigClock.EarliestPlausible.UtcDateTime:yyyy-MM-dd}, so it is not set yet (no RTC; waiting for NTP)",
        TsigSignResult.BufferTooSmall => "refusing to sign: the buffer cannot hold the TSIG record",
        TsigSignResult.BadMessage => "refusing to sign: not a DNS message, or its additional section is full",
        _ => result.ToStableName(),
    };
}
