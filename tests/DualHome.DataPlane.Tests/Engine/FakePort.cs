using DualHome.DataPlane.Engine;

namespace DualHome.DataPlane.Tests.Engine;

/// <summary>A port over queues: frames to receive, and what was committed and flushed. A transmit ring of
/// <see cref="TxCapacity"/> slots that a flush empties, unless <see cref="FlushFrees"/> is off (a busy driver).</summary>
public sealed class FakePort : IPacketPort
{
    private readonly byte[] _slot = new byte[2048];
    private readonly List<byte[]> _committed = [];

    public Queue<byte[]> Incoming { get; } = new();
    public List<byte[]> Sent { get; } = [];
    public int TxCapacity { get; set; } = 256;
    public bool FlushFrees { get; set; } = true;
    public int Flushes { get; private set; }

    public bool TryReceive(out ReadOnlySpan<byte> frame)
    {
        frame = Incoming.Count > 0 ? Incoming.Peek() : default;
        return Incoming.Count > 0;
    }

    public void ReleaseReceived() => Incoming.Dequeue();

    public bool TryGetTransmitSlot(out Span<byte> slot)
    {
        slot = _committed.Count < TxCapacity ? _slot : default;
        return _committed.Count < TxCapacity;
    }

    public void CommitTransmit(int length) => _committed.Add(_slot[..length]);

    /// <summary>What the next <see cref="TakeReceiveDrops"/> reports (the kernel's ring-overflow count).</summary>
    public long ReceiveDrops { get; set; }

    public long TakeReceiveDrops()
    {
        long drops = ReceiveDrops;
        ReceiveDrops = 0;
        return drops;
    }

    public void FlushTransmit()
    {
        Flushes++;
        if (!FlushFrees) return;
        Sent.AddRange(_committed);
        _committed.Clear();
    }
}

/// <summary>The worker's I/O over fake ports; waiting and napping return at once and are recorded.</summary>
public sealed class FakeIo(params FakePort[] ports) : IWorkerIo
{
    public IReadOnlyList<IPacketPort> Ports { get; } = ports;
    public List<TimeSpan> Waits { get; } = [];
    public void Wait(TimeSpan timeout) => Waits.Add(timeout);
    public List<TimeSpan> Naps { get; } = [];
    /// <summary>Runs inside <see cref="Nap"/>: frames that arrive while the worker sleeps.</summary>
    public Action? DuringNap { get; set; }

    public void Nap(TimeSpan duration)
    {
        Naps.Add(duration);
        DuringNap?.Invoke();
    }

    public bool AnyReady() => ports.Any(p => p.Incoming.Count > 0);
}

/// <summary>Records resolution requests.</summary>
public sealed class FakeResolver : INeighborResolver
{
    public List<(Port Egress, UInt128 NextHop)> Requests { get; } = [];
    public void Request(Port egress, UInt128 nextHop) => Requests.Add((egress, nextHop));
}
