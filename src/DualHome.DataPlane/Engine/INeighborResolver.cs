namespace DualHome.DataPlane.Engine;

/// <summary>
/// Starts address resolution (RFC 4861 §7.2.2) for a next hop on an egress port; the answer shows up later in that
/// port's neighbour table. Called from workers on the packet path: must return at once and allocate nothing (queue
/// the request for another thread; drop it when that queue is full, the frame then expires as "no neighbor").
/// </summary>
public interface INeighborResolver
{
    void Request(Port egress, UInt128 nextHop);
}
