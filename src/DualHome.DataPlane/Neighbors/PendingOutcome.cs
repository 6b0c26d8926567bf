namespace DualHome.DataPlane.Neighbors;

/// <summary>What <see cref="PendingQueue.Enqueue"/> did. Flags: a frame can be queued and cost another its place.</summary>
[Flags]
public enum PendingOutcome : byte
{
    None = 0,
    /// <summary>The frame was stored.</summary>
    Queued = 1,
    /// <summary>The first frame waiting for this next hop: start address resolution (RFC 4861 §7.2.2).</summary>
    NewDestination = 2,
    /// <summary>An older frame was discarded to make room (per next hop or queue-wide): count one drop.</summary>
    EvictedOldest = 4,
    /// <summary>Not stored: larger than a slot (count one drop).</summary>
    TooLarge = 8,
}
