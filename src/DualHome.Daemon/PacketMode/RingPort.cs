using DualHome.Config;
using DualHome.DataPlane.Engine;
using DualHome.Linux.Packet;
using DualHome.Wire.Offload;

namespace DualHome.Daemon.PacketMode;

/// <summary>
/// A worker's port: one AF_PACKET socket on the interface with a TPACKET_V2 receive ring and transmit ring. Frames are
/// read and written in the mapped rings; nothing is copied but the forward itself (RX slot → TX slot).
/// <para>
/// Carrying offloads (<c>DataPlane.Offloads: "carry"</c>), every frame comes with its virtio_net_hdr (PACKET_VNET_HDR).
/// A GRO super-frame does not fit a 2 KiB slot: the kernel truncates it there and also queues it whole on the socket
/// (PACKET_COPY_THRESH, TP_STATUS_COPY), where <see cref="TryReceive(Span{byte}, out ReadOnlySpan{byte}, out VirtioNetHeader)"/>
/// reads it into the worker's large buffer. It leaves through a second socket without a ring (with a transmit ring,
/// send(2) only kicks the ring, packet_sendmsg), after the ring is flushed, so frames keep their order. A 64 KiB slot
/// per frame instead would cost 32 times the ring memory.
/// </para>
/// </summary>
public sealed class RingPort : IPacketPort, IDisposable
{
    /// <summary>Room for ~60 queued super-frames (each charged at its truesize) while the worker naps.</summary>
    public const int OversizeQueueBytes = 4 << 20;

    private readonly PacketSocket _socket;
    private readonly PacketSocket? _large;
    private readonly PacketRxRing _rx;
    private readonly PacketTxRing _tx;
    private ulong _reportedDrops;
    private long _lostCopies;

    /// <param name="large">The ring-less socket super-frames leave by; null when offloads are not carried.</param>
    public RingPort(PacketSocket socket, PacketSocket? large = null)
    {
        _socket = socket;
        _large = large;
        _rx = socket.Rx;
        _tx = socket.Tx;
    }

    /// <summary>The port's sockets as <paramref name="settings"/> ask (ring depth, carried offloads); on failure none stays open.</summary>
    public static RingPort Open(string interfaceName, PacketFanout? fanout, DataPlaneConfig settings)
    {
        var socket = PacketSocket.Open(interfaceName, Options(fanout, settings.RingFrames, settings.CarriesOffloads));
        try
        {
            return new RingPort(socket, settings.CarriesOffloads ? PacketSocket.Open(interfaceName, LargeSenderOptions()) : null);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary><paramref name="receiveFrames"/> receive slots of 2 KiB (DataPlane.RingFrames, 8192 = 16 MiB by default)
    /// ride out a worker kept off its CPU: 8192 are 55 ms at 148 kpps (gigabit line rate at 64 B). The bench lost
    /// frames from 163, 263 and 369+ kpps with 2048, 4096 and 8192 slots on its busy 2-CPU machine. 512 transmit slots
    /// drain per batch. The memory is the kernel's, allocated at open.</summary>
    public static PacketSocketOptions Options(PacketFanout? fanout, int receiveFrames, bool carryOffloads = false) => new()
    {
        Protocol = PacketProtocol.All, // ETH_P_ALL taps run before tc ingress, where the ingress drop discards the kernel's copy
        IgnoreOutgoing = true,   // our own transmissions (and the kernel's) are not forwarding work
        QdiscBypass = true,      // the forwarder's own ring is the queue; a qdisc in between only adds a lock
        Fanout = fanout,
        RxRing = new RingLayout(FrameCount: receiveFrames),
        TxRing = new RingLayout(FrameCount: 512),
        VnetHeader = carryOffloads,
        QueueOversize = carryOffloads,
        ReceiveBufferBytes = carryOffloads ? OversizeQueueBytes : 0,
    };

    /// <summary>The socket super-frames are sent from: no ring, no receiving, the offload header before each frame.</summary>
    public static PacketSocketOptions LargeSenderOptions() => new()
    {
        Protocol = PacketProtocol.None,
        QdiscBypass = true,
        VnetHeader = true,
    };

    public PacketRxRing Receiver => _rx;

    /// <summary>A slot whose whole frame was not queued (the socket's buffer was full) is skipped and counted with the
    /// ring's own drops. If a later copy made it, the next truncated slot takes that one: the frames stay whole, only
    /// their order can change.</summary>
    public bool TryReceive(Span<byte> large, out ReadOnlySpan<byte> frame, out VirtioNetHeader offload)
    {
        offload = VirtioNetHeader.None;
        while (_rx.TryNext(out frame, out var meta))
        {
            if (_large is null)
                return true;
            if ((meta.Status & RxFrameStatus.Copy) == 0)
            {
                VirtioNetHeader.TryRead(_rx.VnetHeader, out offload);
                return true;
            }
            int length = _socket.ReceiveQueued(large);
            if (length > VirtioNetHeader.Length && VirtioNetHeader.TryRead(large, out offload))
            {
                frame = large[VirtioNetHeader.Length..length];
                return true;
            }
            _lostCopies++;
            _rx.Release();
        }
        return false;
    }

    public void ReleaseReceived() => _rx.Release();
    public bool TryGetTransmitSlot(out Span<byte> slot) => _tx.TryGetSlot(out slot);
    public void CommitTransmit(int length, in VirtioNetHeader offload)
    {
        if (_large is null)
        {
            _tx.Commit(length); // offloads off: no header room in the slots, nothing to write
            return;
        }
        Span<byte> header = stackalloc byte[VirtioNetHeader.Length];
        offload.TryWrite(header);
        _tx.Commit(length, header);
    }

    public bool TrySendLarge(Span<byte> headroomAndFrame, in VirtioNetHeader offload)
    {
        if (_large is null)
            return false;
        offload.TryWrite(headroomAndFrame);
        _tx.Flush(); // what was committed before this frame leaves before it
        return _large.Send(headroomAndFrame, PacketProtocol.Ipv6); // skb->protocol picks the GSO handler; the socket has none
    }

    public void FlushTransmit() => _tx.Flush(); // a failed flush (link down) is counted by the ring

    public long TakeReceiveDrops()
    {
        var total = _socket.ReadStatistics().Dropped; // cumulative; the kernel's counter resets on each read
        var since = total - _reportedDrops;
        _reportedDrops = total;
        long lost = _lostCopies;
        _lostCopies = 0;
        return (long)since + lost;
    }

    public void Dispose()
    {
        _socket.Dispose();
        _large?.Dispose();
    }
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
