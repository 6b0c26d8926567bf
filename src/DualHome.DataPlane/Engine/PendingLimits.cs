namespace DualHome.DataPlane.Engine;

/// <summary>
/// How many frames a worker holds per port while next hops resolve. Linux holds up to unres_qlen_bytes (about 100
/// full frames) per neighbour; a router on a small board holds far fewer, and a fixed total, so that a scan of a whole
/// /64 from outside churns a bounded set of slots instead of growing memory.
/// </summary>
public sealed record PendingLimits(int Capacity, int PerDestination, int FrameBytes)
{
    /// <summary>128 frames per port, 4 per next hop, slots for a 1500-byte MTU frame plus its Ethernet header.</summary>
    public static PendingLimits Default { get; } = new(128, 4, 1514);
}
