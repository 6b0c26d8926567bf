using DualHome.DataPlane.Engine;
using DualHome.Linux.Packet;

namespace DualHome.Daemon.PacketMode;

/// <summary>A worker's port: one AF_PACKET socket on the interface with a TPACKET_V2 receive ring and transmit ring.
/// Frames are read and written in the mapped rings; nothing is copied but the forward itself (RX slot → TX slot).</summary>
public sealed class RingPort(PacketSocket socket) : IPacketPort, IDisposable
{
    private readonly PacketRxRing _rx = socket.Rx;
    private readonly PacketTxRing _tx = socket.Tx;

    /// <summary>Both rings of a port take 768 slots of 2 KiB (1.5 MiB): enough to ride out a scheduling delay of a few
    /// milliseconds at line rate on the boards' gigabit ports, small enough for a 1 GiB board with several workers.</summary>
    public static PacketSocketOptions Options(PacketFanout? fanout) => new()
    {
        Protocol = PacketProtocol.Ipv6,
        IgnoreOutgoing = true,   // our own transmissions (and the kernel's) are not forwarding work
        QdiscBypass = true,      // the forwarder's own ring is the queue; a qdisc in between only adds a lock
        Fanout = fanout,
        RxRing = new RingLayout(FrameCount: 512),
        TxRing = new RingLayout(FrameCount: 256),
    };

    public PacketRxRing Receiver => _rx;

    public bool TryReceive(out ReadOnlySpan<byte> frame) => _rx.TryNext(out frame, out _);
    public void ReleaseReceived() => _rx.Release();
    public bool TryGetTransmitSlot(out Span<byte> slot) => _tx.TryGetSlot(out slot);
    public void CommitTransmit(int length) => _tx.Commit(length);
    public void FlushTransmit() => _tx.Flush(); // a failed flush (link down) is counted by the ring
    public void Dispose() => socket.Dispose();
}

/// <summary>A worker's ports, waited on together with one poll(2).</summary>
public sealed class RingIo(IReadOnlyList<RingPort> ports) : IWorkerIo
{
    private readonly PacketRxRing[] _rings = [.. ports.Select(p => p.Receiver)];

    public IReadOnlyList<IPacketPort> Ports { get; } = ports;

    public void Wait(TimeSpan timeout) => PacketRxRing.WaitAny(_rings, timeout);
}
