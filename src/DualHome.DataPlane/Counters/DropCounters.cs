namespace DualHome.DataPlane.Counters;

/// <summary>
/// Drops per port and per <see cref="DropReason"/>: one <see cref="long"/> each, incremented with
/// <see cref="Interlocked"/> from any worker (lock-free, allocation-free), read as a snapshot for <c>show counters</c>.
/// </summary>
public sealed class DropCounters
{
    private readonly string[] _portNames;
    private readonly long[] _counts;

    /// <summary><paramref name="portNames"/>[<see cref="Port.Index"/>]: the LAN first, then the uplinks in order.</summary>
    public DropCounters(IReadOnlyList<string> portNames)
    {
        ArgumentNullException.ThrowIfNull(portNames);
        ArgumentOutOfRangeException.ThrowIfZero(portNames.Count);
        _portNames = [.. portNames];
        _counts = new long[_portNames.Length * DropReasons.Count];
    }

    public IReadOnlyList<string> PortNames => _portNames;

    /// <summary>Counts one frame; returns the new count (so a caller can log the first and then rarely), or 0 for a
    /// port or reason this instance does not know.</summary>
    public long Count(Port port, DropReason reason)
    {
        int slot = Slot(port, reason);
        return slot < 0 ? 0 : Interlocked.Increment(ref _counts[slot]);
    }

    /// <summary>Counts <paramref name="frames"/> at once (drops reported in bulk, e.g. by the kernel's ring statistics).</summary>
    public void Add(Port port, DropReason reason, long frames)
    {
        int slot = Slot(port, reason);
        if (slot >= 0 && frames > 0) Interlocked.Add(ref _counts[slot], frames);
    }

    public long Get(Port port, DropReason reason)
    {
        int slot = Slot(port, reason);
        return slot < 0 ? 0 : Interlocked.Read(ref _counts[slot]);
    }

    /// <summary>Total drops on a port, all reasons.</summary>
    public long Total(Port port)
    {
        long total = 0;
        for (int reason = 1; reason < DropReasons.Count; reason++)
            total += Get(port, (DropReason)reason);
        return total;
    }

    /// <summary>The nonzero counters, port by port in reason order. Each value is read atomically; the set is not a
    /// single instant (workers keep counting while it is taken).</summary>
    public IReadOnlyList<DropCount> Snapshot()
    {
        var counts = new List<DropCount>();
        for (int port = 0; port < _portNames.Length; port++)
            for (int reason = 1; reason < DropReasons.Count; reason++)
            {
                long count = Interlocked.Read(ref _counts[port * DropReasons.Count + reason]);
                if (count != 0)
                    counts.Add(new DropCount(_portNames[port], (DropReason)reason, count));
            }
        return counts;
    }

    private int Slot(Port port, DropReason reason)
    {
        if ((uint)port.Index >= (uint)_portNames.Length || reason is DropReason.None || (int)reason >= DropReasons.Count)
            return -1;
        return port.Index * DropReasons.Count + (int)reason;
    }
}
