using DualHome.Linux.Interop;

namespace DualHome.Linux.Packet;

/// <summary>
/// The geometry of one TPACKET_V2 ring (packet_mmap.rst): <see cref="FrameCount"/> fixed-size frames in
/// blocks of <see cref="BlockSize"/> bytes, each block a separate kernel allocation. Frames never span
/// blocks; this type also requires blocks to hold a whole number of frames, so frame i is at i × FrameSize.
/// </summary>
/// <param name="FrameSize">Bytes per frame including the 32-byte tpacket2_hdr and (RX) the sockaddr_ll: 2048 holds a 1518-byte frame.</param>
/// <param name="FrameCount">Frames in the ring: its depth when the worker falls behind.</param>
/// <param name="BlockSize">A multiple of the page size; small blocks (order 0–2) allocate reliably on a fragmented board.</param>
public sealed record RingLayout(int FrameSize = 2048, int FrameCount = 1024, int BlockSize = 16384)
{
    /// <summary>Where a raw Ethernet frame starts in an RX frame: TPACKET_ALIGN(TPACKET2_HDRLEN + 16) - 14 (tpacket_rcv).</summary>
    internal const int RxEthernetOffset = 66;

    /// <summary>2048-byte frames, 1024 of them (2 MiB), 16 KiB blocks.</summary>
    public static RingLayout Default { get; } = new();

    public int FramesPerBlock => BlockSize / FrameSize;

    public int BlockCount => FramesPerBlock == 0 ? 0 : FrameCount / FramesPerBlock;

    /// <summary>Bytes this ring adds to the socket's mapping.</summary>
    public long TotalBytes => (long)BlockSize * BlockCount;

    /// <summary>The longest Ethernet frame an RX frame holds whole (longer ones arrive truncated).</summary>
    public int MaxReceiveLength => FrameSize - RxEthernetOffset;

    /// <summary>The longest Ethernet frame a TX slot holds (the kernel also caps it at MTU + 18).</summary>
    public int MaxTransmitLength => FrameSize - TPacket2Header.TxDataOffset;

    /// <summary>Checks the rules packet_set_ring enforces, and the whole-frames-per-block rule of this type.</summary>
    public void Validate()
    {
        var page = Environment.SystemPageSize;
        Require(FrameSize >= 128 && FrameSize % PacketConstants.TPACKET_ALIGNMENT == 0,
            $"FrameSize {FrameSize} must be a multiple of {PacketConstants.TPACKET_ALIGNMENT} and at least 128");
        Require(BlockSize >= page && BlockSize % page == 0,
            $"BlockSize {BlockSize} must be a positive multiple of the page size {page}");
        Require(BlockSize % FrameSize == 0, $"BlockSize {BlockSize} must hold a whole number of {FrameSize}-byte frames");
        Require(FrameCount > 0 && FrameCount % FramesPerBlock == 0,
            $"FrameCount {FrameCount} must be a positive multiple of the {FramesPerBlock} frames per block");
        Require(TotalBytes <= int.MaxValue, $"ring of {TotalBytes} bytes is too large");
    }

    internal TPacketRequest ToRequest() => new()
    {
        BlockSize = (uint)BlockSize,
        BlockCount = (uint)BlockCount,
        FrameSize = (uint)FrameSize,
        FrameCount = (uint)FrameCount,
    };

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
