using System.Net;
using DualHome.Testbed.Capture;
using DualHome.Testbed.Probing;

namespace DualHome.Testbed.Failover;

/// <summary>
/// What followed one injected failure, each time counted from <see cref="Injection.Before"/> (CLOCK_REALTIME):
/// <list type="bullet">
/// <item><see cref="Ra"/>: the first RA on the host's eth0 (kernel rx timestamp) that deprecates the ISP's prefix
/// (preferred lifetime 0) — the router's detection plus its send;</item>
/// <item><see cref="Deprecated"/>: the host's kernel marking its address in that prefix deprecated (ip monitor);</item>
/// <item><see cref="FirstNewConnection"/>: the earliest-started new TCP connection of the host's running probe, started
/// after the injection, that completed its handshake with the server from the other ISP's address. The failover time
/// is when its handshake completed.</item>
/// </list>
/// </summary>
public sealed record FailoverTiming(Isp Isp, FailureKind Kind, Injection Injection, IPAddress HostAddress,
    CapturedRa? Ra, AddressEvent? Deprecated, ProbeAttempt? FirstNewConnection, int FailedAttempts, int AttemptsViaFailedIsp)
{
    public TimeSpan? RaAfter => Ra is null ? null : Ra.Time - Injection.Before;
    public TimeSpan? DeprecatedAfter => Deprecated is null ? null : Deprecated.Time - Injection.Before;
    public TimeSpan? FailoverAfter => FirstNewConnection is null ? null : FirstNewConnection.End - Injection.Before;

    public override string ToString() =>
        $"{Injection}: RA deprecating {Topology.LanPrefix(Isp)} after {Ms(RaAfter)}, host {HostAddress} deprecated after " +
        $"{Ms(DeprecatedAfter)}, first new connection {(FirstNewConnection is { } c ? $"from {c.Source}" : "")} after {Ms(FailoverAfter)}; " +
        $"{FailedAttempts} new connections failed meanwhile, {AttemptsViaFailedIsp} tried ISP {Isp}";

    internal static string Ms(TimeSpan? t) => t is { } v ? $"{v.TotalMilliseconds:0.0} ms" : "(never)";
}

/// <summary>
/// What followed the repair of a failure, counted from <see cref="Injection.Before"/> of the repair: the first RA
/// preferring the ISP's prefix again, the host's address becoming preferred again, and (when the host prefers that
/// ISP) the first new connection through it again.
/// </summary>
public sealed record RecoveryTiming(Isp Isp, FailureKind Kind, Injection Repair, IPAddress HostAddress,
    CapturedRa? Ra, AddressEvent? Preferred, ProbeAttempt? FirstConnectionBack)
{
    public TimeSpan? RaAfter => Ra is null ? null : Ra.Time - Repair.Before;
    public TimeSpan? PreferredAfter => Preferred is null ? null : Preferred.Time - Repair.Before;
    public TimeSpan? BackAfter => FirstConnectionBack is null ? null : FirstConnectionBack.End - Repair.Before;

    public override string ToString() =>
        $"{Repair}: RA preferring {Topology.LanPrefix(Isp)} after {FailoverTiming.Ms(RaAfter)}, host {HostAddress} preferred after " +
        $"{FailoverTiming.Ms(PreferredAfter)}, first new connection through ISP {Isp} after {FailoverTiming.Ms(BackAfter)}";
}

/// <summary>The host's state once the router has settled: an address per ISP and which one new connections use.</summary>
public sealed record SteadyState(IReadOnlyDictionary<Isp, IPAddress> HostAddress, Isp Primary, CapturedRa Ra, ProbeAttempt Connection, TimeSpan Took)
{
    public override string ToString() =>
        $"host A {HostAddress[Isp.A]}, B {HostAddress[Isp.B]}; new connections from ISP {Primary} ({Connection}); " +
        $"RA: {Ra.Ra}; settled in {Took.TotalMilliseconds:0} ms";
}
