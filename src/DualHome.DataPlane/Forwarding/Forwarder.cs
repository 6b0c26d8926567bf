using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Icmp;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Icmpv6;

namespace DualHome.DataPlane.Forwarding;

/// <summary>
/// The per-packet entry points the packet I/O workers call: classify a received frame (counting what is not
/// forwarded), rewrite it for its egress port, or write the ICMPv6 error that answers it (rate limited). Safe to
/// call from several workers at once; allocates nothing; never throws for frame content.
/// </summary>
public sealed class Forwarder
{
    private readonly IcmpRateLimiter _icmpLimiter;
    private ForwarderConfig _config;

    public Forwarder(ForwarderConfig config, DropCounters drops, IcmpRateLimiter icmpLimiter)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(drops);
        ArgumentNullException.ThrowIfNull(icmpLimiter);
        _config = config;
        Drops = drops;
        _icmpLimiter = icmpLimiter;
    }

    public ForwarderConfig Config => Volatile.Read(ref _config);
    public DropCounters Drops { get; }
    public IcmpErrorCounters IcmpErrors { get; } = new();

    /// <summary>Publishes a new snapshot; packets classified after this returns use it.</summary>
    public void Reconfigure(ForwarderConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Volatile.Write(ref _config, config);
    }

    /// <summary>
    /// Decides what to do with <paramref name="frame"/> received on <paramref name="ingress"/>, counting a drop
    /// (or a packet answered with an ICMPv6 error) on the ingress port. <paramref name="largestSegment"/>: for a GSO
    /// super-frame (PACKET_VNET_HDR), the Ethernet length of its largest segment (hdr_len + gso_size); 0 otherwise.
    /// </summary>
    public ForwardDecision Classify(ReadOnlySpan<byte> frame, Port ingress, int largestSegment = 0)
    {
        ForwardDecision decision = Classifier.Classify(Config, frame, ingress, largestSegment);
        if (decision.Action is ForwardAction.Drop or ForwardAction.IcmpError)
            Drops.Count(ingress, decision.Reason);
        return decision;
    }

    /// <summary>Writes the decision's MACs and decrements the hop limit in place; false unless it is a forward.</summary>
    public static bool TryRewrite(Span<byte> frame, in ForwardDecision decision) =>
        decision.IsForward && FrameRewriter.TryRewrite(frame, decision.NextHop, decision.EgressMac);

    /// <summary>Rewrites a frame released from a <c>PendingQueue</c> once its next hop resolved to <paramref name="nextHop"/>.</summary>
    public bool TryRewriteResolved(Span<byte> frame, Port egress, Mac nextHop)
    {
        PortConfig? port = Config.PortOf(egress);
        return port is not null && FrameRewriter.TryRewrite(frame, nextHop, port.Mac);
    }

    /// <summary>
    /// For an <see cref="ForwardAction.IcmpError"/> decision: writes the error frame, to be sent out of
    /// <paramref name="ingress"/>, into <paramref name="output"/> (<see cref="Icmpv6ErrorBuilder.MaxFrameLength"/>
    /// bytes always suffice) and returns its length; 0 when RFC 4443 §2.4 (e) forbids it or the rate limit
    /// (§2.4 f) is reached at <paramref name="now"/>. Each outcome is counted in <see cref="IcmpErrors"/>.
    /// </summary>
    public int TryWriteIcmpError(ReadOnlySpan<byte> frame, Port ingress, in ForwardDecision decision, long now, Span<byte> output)
    {
        PortConfig? port = Config.PortOf(ingress);
        if (decision.Action != ForwardAction.IcmpError || port is null)
            return 0;
        Icmpv6ErrorRefusal refusal = Icmpv6ErrorEligibility.Check(frame, decision.Error);
        if (refusal == Icmpv6ErrorRefusal.None && !_icmpLimiter.TryAcquire(now))
        {
            IcmpErrors.CountRateLimited(); // refused errors cost no token: the check runs first
            return 0;
        }
        int length = refusal == Icmpv6ErrorRefusal.None
            ? Icmpv6ErrorBuilder.TryBuild(output, frame, decision.Error, port.Mac, port.ErrorSource, out refusal)
            : 0;
        if (length == 0)
            IcmpErrors.CountRefused(refusal);
        else
            IcmpErrors.CountSent();
        return length;
    }
}
