using DualHome.Linux.Interop;

namespace DualHome.Linux.Packet;

/// <summary>
/// What the TPACKET_V2 receive and transmit rings share: the slots of one mapping, walked in order by a single
/// thread, each slot starting with a <see cref="TPacket2Header"/> whose status says who owns it.
/// </summary>
public abstract unsafe class PacketRing
{
    private readonly PacketSocket _owner;
    private readonly SafeMappedRegion _region;
    private readonly byte* _base;
    private readonly int _frameSize;
    private readonly int _frameCount;
    private int _index;

    private protected PacketRing(PacketSocket owner, SafeFdHandle fd, SafeMappedRegion region, byte* ringBase, RingLayout layout)
    {
        _owner = owner;
        Fd = fd;
        _region = region;
        _base = ringBase;
        _frameSize = layout.FrameSize;
        _frameCount = layout.FrameCount;
        Layout = layout;
        VnetLength = owner.Options.VnetHeader ? VirtioNetHeaderLength : 0;
    }

    /// <summary>sizeof(struct virtio_net_hdr).</summary>
    internal const int VirtioNetHeaderLength = 10;

    public RingLayout Layout { get; }

    private protected SafeFdHandle Fd { get; }

    /// <summary>Bytes of virtio_net_hdr before each frame: 10 with PACKET_VNET_HDR, else 0.</summary>
    private protected int VnetLength { get; }

    /// <summary>The caller holds the current slot (between TryNext/TryGetSlot and Release/Commit).</summary>
    private protected bool Holding { get; set; }

    private protected TPacket2Header* Current => (TPacket2Header*)(_base + ((nint)_index * _frameSize));

    /// <summary>The mapping is gone once the socket is disposed: any use after that is a bug, not a packet.</summary>
    private protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_region.IsClosed, _owner);

    /// <summary>Gives up the current slot and moves to the next, wrapping at the end of the ring.</summary>
    private protected void Advance()
    {
        Holding = false;
        _index = _index + 1 == _frameCount ? 0 : _index + 1;
    }
}
