using DualHome.Wire.Icmpv6;

namespace DualHome.DataPlane.Icmp;

/// <summary>The fate of the ICMPv6 errors the forwarder decided to send: sent, rate limited (RFC 4443 §2.4 f), or
/// refused (§2.4 e) by reason. Lock-free increments.</summary>
public sealed class IcmpErrorCounters
{
    private const int RefusalCount = (int)Icmpv6ErrorRefusal.BufferTooSmall + 1;

    private readonly long[] _refused = new long[RefusalCount];
    private long _sent, _rateLimited;

    public long Sent => Interlocked.Read(ref _sent);
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public long Refused(Icmpv6ErrorRefusal refusal) =>
        (int)refusal < RefusalCount ? Interlocked.Read(ref _refused[(int)refusal]) : 0;

    internal void CountSent() => Interlocked.Increment(ref _sent);
    internal void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    internal void CountRefused(Icmpv6ErrorRefusal refusal)
    {
        if ((int)refusal < RefusalCount)
            Interlocked.Increment(ref _refused[(int)refusal]);
    }
}
