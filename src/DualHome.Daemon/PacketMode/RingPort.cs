using DualHome.DataPlane.Engine;
using DualHome.Linux.Packet;

namespace DualHome.Daemon.PacketMode;

/// <summary>A worker's port: one AF_PACKET socket on the interface with a TPACKET_V2 receive ring and transmit ring.
/// Frames are read and written in the mapped rings; nothing is copied but the forward itself (RX slot → TX slot).</summary>
public sealed class RingPort(PacketSocket socket) : IPacketPort, IDisposable
{
    private readonly PacketRxRing _rx = socket.Rx;
    private readonly PacketTxRing _tx = socket.Tx;
    private ulong _reportedDrops;

    /// <summary><paramref name="receiveFrames"/> receive slots of 2 KiB (DataPlane.RingFrames, 8192 = 16 MiB by default)
    /// ride out a worker kept off its CPU: 8192 are 55 ms at 148 kpps (gigabit line rate at 64 B). The bench lost
    /// frames from 163, 263 and 369+ kpps with 2048, 4096 and 8192 slots on its busy 2-CPU machine. 512 transmit slots
    /// drain per batch. The memory is the kernel's, allocated at open.</summary>
    public static PacketSocketOptions Options(PacketFanout? fanout, int receiveFrames) => new()
    {
        Protocol = PacketProtocol.All, // ETH_P_ALL taps run before tc ingress, where the ingress drop discards the kernel's copy
        IgnoreOutgoing = true,   // our own transmissions (and the kernel's) are not forwarding work
        QdiscBypass = true,      // the forwarder's own ring is the queue; a qdisc in between only adds a lock
        Fanout = fanout,
        RxRing = new RingLayout(FrameCount: receiveFrames),
        TxRing = new RingLayout(FrameCount: 512),
    };

    public PacketRxRing Receiver => _rx;

    public bool TryReceive(out ReadOnlySpan<byte> frame) => _rx.TryNext(out frame, out _);
    public void ReleaseReceived() => _rx.Release();
    public bool TryGetTransmitSlot(out Span<byte> slot) => _tx.TryGetSlot(out slot);
    public void CommitTransmit(int length) => _tx.Commit(length);
    public void FlushTransmit() => _tx.Flush(); // a failed flush (link down) is counted by the ring

    public long TakeReceiveDrops()
    {
        var total = socket.ReadStatistics().Dropped; // cumulative; the kernel's counter resets on each read
        var since = total - _reportedDrops;
        _reportedDrops = total;
        return (long)since;
    }
    public void Dispose() => socket.Dispose();
}

/// <summary>A worker's ports, waited on together with one poll(2).</summary>
public sealed class RingIo(IReadOnlyList<RingPort> ports) : IWorkerIo
{
    private readonly PacketRxRing[] _rings = [.. ports.Select(p => p.Receiver)];

    public IReadOnlyList<IPacketPort> Ports { get; } = ports;

    public void Wait(TimeSpan timeout)
    {
        if (!AnyReady())
            PacketRxRing.WaitAny(_rings, timeout);
    }

    public void Nap(TimeSpan duration) => DualHome.Linux.ThreadScheduling.Nap(duration);

    public bool AnyReady()
    {
        foreach (var ring in _rings)
            if (ring.HasFrame)
                return true;
        return false;
    }
}
