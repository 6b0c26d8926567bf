using System.Collections.Concurrent;
using DualHome.DataPlane.Prefixes;
using DualHome.Wire.Ethernet;

namespace DualHome.DataPlane.Neighbors;

/// <summary>
/// One link's resolved neighbours, as the packet path reads them: a mirror of the kernel's neighbour cache (kept by
/// whoever watches rtnetlink) or of the daemon's own NS/NA. Lookups are lock-free and allocate nothing; updates come
/// from one watcher thread.
/// </summary>
public sealed class NeighborCache : INeighborTable
{
    private readonly ConcurrentDictionary<UInt128, Mac> _entries = new();

    public int Count => _entries.Count;

    public bool TryGet(ReadOnlySpan<byte> address, out Mac mac)
    {
        if (Ipv6Key.TryRead(address, out UInt128 key))
            return _entries.TryGetValue(key, out mac);
        mac = default;
        return false;
    }

    /// <summary>Records a usable link-layer address (RFC 4861 §7.3.2: REACHABLE, STALE, DELAY, PROBE all are).</summary>
    public void Set(UInt128 address, Mac mac) => _entries[address] = mac;

    /// <summary>The entry failed, is being resolved again, or was deleted: frames to it wait (and resolve) again.</summary>
    public void Remove(UInt128 address) => _entries.TryRemove(address, out _);

    /// <summary>Before reloading the whole table (notifications were lost).</summary>
    public void Clear() => _entries.Clear();
}
