using DualHome.Wire.Ethernet;

namespace DualHome.DataPlane.Neighbors;

/// <summary>
/// The link-layer address of an on-link IPv6 neighbor (RFC 4861 §7.2), as resolved by whoever keeps the table:
/// the kernel's neighbor cache read over rtnetlink, or the daemon's own NS/NA. Called on the packet path, from
/// any worker: implementations must not allocate or block.
/// </summary>
public interface INeighborTable
{
    /// <summary>False when <paramref name="address"/> (16 bytes) has no usable entry.</summary>
    bool TryGet(ReadOnlySpan<byte> address, out Mac mac);
}
