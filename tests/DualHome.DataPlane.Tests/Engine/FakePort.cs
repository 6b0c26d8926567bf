using DualHome.DataPlane.Engine;
using DualHome.Wire.Offload;

namespace DualHome.DataPlane.Tests.Engine;

/// <summary>A port over queues: frames to receive, and what was committed and flushed. A transmit ring of
/// <see cref="TxCapacity"/> slots that a flush empties, unless <see cref="FlushFrees"/> is off (a busy driver).</summary>
public sealed class FakePort : IPacketPort
{
    private readonly byte[] _slot = new byte[2048];
    private readonly List<byte[]> _committed = [];

    private readonly List<VirtioNetHeader> _committedOffloads = [];

    public Queue<byte[]> Incoming { get; } = new();
    public List<byte[]> Sent { get; } = [];
    /// <summary>The offload header each frame of <see cref="Sent"/> left with.</summary>
    public List<VirtioNetHeader> SentOffloads { get; } = [];
    /// <summary>Offload headers of incoming frames, by frame; absent: none.</summary>
    public Dictionary<byte[], VirtioNetHeader> IncomingOffloads { get; } = new(ReferenceEqualityComparer.Instance);
    /// <summary>Like PACKET_COPY_THRESH: frames longer than a slot are read into the worker's large buffer and can be
    /// sent with <see cref="TrySendLarge"/>; off, the port behaves like one without offload headers.</summary>
    public bool CarriesLarge { get; set; }
    public int SlotLength { get; set; } = 2048;
    public int LargeSends { get; private set; }
    public int TxCapacity { get; set; } = 256;
    public bool FlushFrees { get; set; } = true;
    public int Flushes { get; private set; }

    public bool TryReceive(Span<byte> large, out ReadOnlySpan<byte> frame, out VirtioNetHeader offload)
    {
        offload = VirtioNetHeader.None;
        frame = Incoming.Count > 0 ? Incoming.Peek() : default;
        if (Incoming.Count == 0)
            return false;
        IncomingOffloads.TryGetValue(Incoming.Peek(), out offload);
        if (CarriesLarge && frame.Length > SlotLength)
        {
            offload.TryWrite(large);
            frame.CopyTo(large[VirtioNetHeader.Length..]);
            frame = large.Slice(VirtioNetHeader.Length, frame.Length);
        }
        return true;
    }

    public void ReleaseReceived() => Incoming.Dequeue();

    public bool TryGetTransmitSlot(out Span<byte> slot)
    {
        slot = _committed.Count < TxCapacity ? _slot.AsSpan(0, SlotLength) : default;
        return _committed.Count < TxCapacity;
    }

    public void CommitTransmit(int length, in VirtioNetHeader offload)
    {
        _committed.Add(_slot[..length]);
        _committedOffloads.Add(offload);
    }

    public bool TrySendLarge(Span<byte> headroomAndFrame, in VirtioNetHeader offload)
    {
        if (!CarriesLarge)
            return false;
        FlushTransmit();
        Sent.Add(headroomAndFrame[VirtioNetHeader.Length..].ToArray());
        SentOffloads.Add(offload);
        LargeSends++;
        return true;
    }

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
        SentOffloads.AddRange(_committedOffloads);
        _committed.Clear();
        _committedOffloads.Clear();
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
