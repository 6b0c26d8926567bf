namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>IRT, MRT, MRC and MRD of one kind of client-initiated exchange (RFC 8415 §15). Zero MRT/MRC/MRD = no limit.</summary>
public sealed record RetransmissionParameters(TimeSpan Irt, TimeSpan Mrt, int Mrc, TimeSpan Mrd);

/// <summary>Transmission and retransmission parameters of a client, RFC 8415 §7.6 (Table 1).</summary>
public static class Dhcpv6Timing
{
    /// <summary>SOL_MAX_DELAY: the first Solicit is delayed by a random time up to this (§18.2.1).</summary>
    public static readonly TimeSpan SolMaxDelay = TimeSpan.FromSeconds(1);
    /// <summary>SOL_TIMEOUT: initial Solicit timeout.</summary>
    public static readonly TimeSpan SolTimeout = TimeSpan.FromSeconds(1);
    /// <summary>SOL_MAX_RT: max Solicit timeout (a server may change it with OPTION_SOL_MAX_RT, §21.24).</summary>
    public static readonly TimeSpan SolMaxRt = TimeSpan.FromSeconds(3600);
    /// <summary>REQ_TIMEOUT: initial Request timeout.</summary>
    public static readonly TimeSpan ReqTimeout = TimeSpan.FromSeconds(1);
    /// <summary>REQ_MAX_RT: max Request timeout.</summary>
    public static readonly TimeSpan ReqMaxRt = TimeSpan.FromSeconds(30);
    /// <summary>REQ_MAX_RC: max Request retransmission attempts.</summary>
    public const int ReqMaxRc = 10;
    /// <summary>REN_TIMEOUT: initial Renew timeout.</summary>
    public static readonly TimeSpan RenTimeout = TimeSpan.FromSeconds(10);
    /// <summary>REN_MAX_RT: max Renew timeout.</summary>
    public static readonly TimeSpan RenMaxRt = TimeSpan.FromSeconds(600);
    /// <summary>REB_TIMEOUT: initial Rebind timeout.</summary>
    public static readonly TimeSpan RebTimeout = TimeSpan.FromSeconds(10);
    /// <summary>REB_MAX_RT: max Rebind timeout.</summary>
    public static readonly TimeSpan RebMaxRt = TimeSpan.FromSeconds(600);
    /// <summary>REL_TIMEOUT: initial Release timeout.</summary>
    public static readonly TimeSpan RelTimeout = TimeSpan.FromSeconds(1);
    /// <summary>REL_MAX_RC: max Release retransmission attempts.</summary>
    public const int RelMaxRc = 5;

    /// <summary>§18.2.1: IRT SOL_TIMEOUT, MRT SOL_MAX_RT, MRC 0, MRD 0.</summary>
    public static RetransmissionParameters Solicit(TimeSpan solMaxRt) => new(SolTimeout, solMaxRt, 0, TimeSpan.Zero);

    /// <summary>§18.2.2: IRT REQ_TIMEOUT, MRT REQ_MAX_RT, MRC REQ_MAX_RC, MRD 0.</summary>
    public static RetransmissionParameters Request { get; } = new(ReqTimeout, ReqMaxRt, ReqMaxRc, TimeSpan.Zero);

    /// <summary>§18.2.4: IRT REN_TIMEOUT, MRT REN_MAX_RT, MRC 0, MRD = remaining time until T2 (set per exchange).</summary>
    public static RetransmissionParameters Renew(TimeSpan untilT2) => new(RenTimeout, RenMaxRt, 0, untilT2);

    /// <summary>§18.2.5: IRT REB_TIMEOUT, MRT REB_MAX_RT, MRC 0, MRD = remaining time until the valid lifetimes end.</summary>
    public static RetransmissionParameters Rebind(TimeSpan untilExpiry) => new(RebTimeout, RebMaxRt, 0, untilExpiry);

    /// <summary>§18.2.7: IRT REL_TIMEOUT, MRT 0, MRC REL_MAX_RC, MRD 0.</summary>
    public static RetransmissionParameters Release { get; } = new(RelTimeout, TimeSpan.Zero, RelMaxRc, TimeSpan.Zero);

    /// <summary>§14.2: with T1/T2 of 0 from the server, "the recommended values for T1 and T2 are .5 and .8 times the
    /// shortest preferred lifetime of the prefixes in the IA_PD that the server is willing to extend".</summary>
    public const double DefaultT1Fraction = 0.5;

    /// <summary>§14.2: see <see cref="DefaultT1Fraction"/>.</summary>
    public const double DefaultT2Fraction = 0.8;
}
