using DualHome.Config;

namespace DualHome.ControlPlane.Uplinks;

/// <summary>The probe timing rules, borrowed from BFD (RFC 5880), in one place.</summary>
public static class ProbeTiming
{
    /// <summary>RFC 5880 §6.8.7: each interval is reduced by a random 0–25 % (uniform in [75 %, 100 %) of the
    /// configured one), so the probes of several uplinks and routers do not synchronise. The stricter 75–90 % that
    /// §6.8.7 asks for when DetectMult is 1 protects a remote detection timer; here each round has its own timeout
    /// of one full interval, so it does not apply.</summary>
    public static TimeSpan NextInterval(TimeSpan interval, Random random) =>
        interval * (0.75 + 0.25 * random.NextDouble());

    /// <summary>RFC 5880 §6.8.4: Detection Time = DetectMult × interval, DownAfter being the multiplier. Counted from
    /// the start of the first silent round: the DownAfter-th silent round starts at most (DownAfter − 1) intervals
    /// later (jitter only shortens intervals) and is known silent one interval (its timeout) after it starts.</summary>
    public static TimeSpan DetectionTime(ProbeConfig probe) => probe.Interval * probe.DownAfter;

    /// <summary>From an arbitrary moment of failure: the detection time plus at most one interval until the next
    /// round starts (a round already in flight may still be answered).</summary>
    public static TimeSpan WorstCaseDetection(ProbeConfig probe) => probe.Interval * (probe.DownAfter + 1);
}
