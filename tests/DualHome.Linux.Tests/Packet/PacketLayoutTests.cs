using System.Runtime.CompilerServices;
using DualHome.Linux.Interop;
using DualHome.Linux.Packet;

namespace DualHome.Linux.Tests.Packet;

/// <summary>Struct sizes against linux/if_packet.h and the rules packet_set_ring enforces; no root needed.</summary>
public sealed class PacketLayoutTests
{
    [Fact]
    public void KernelStructs_HaveTheKernelSizes()
    {
        Assert.Equal(32, Unsafe.SizeOf<TPacket2Header>());
        Assert.Equal(20, Unsafe.SizeOf<SockAddrLl>());
        Assert.Equal(16, Unsafe.SizeOf<TPacketRequest>());
        Assert.Equal(8, Unsafe.SizeOf<TPacketStats>());
        Assert.Equal(16, Unsafe.SizeOf<PacketMReq>());
        Assert.Equal(8, Unsafe.SizeOf<PollFd>());
        Assert.Equal(8, Unsafe.SizeOf<EthtoolValue>());
        Assert.SkipUnless(nint.Size == 8, "struct ifreq is laid out for LP64");
        Assert.Equal(40, Unsafe.SizeOf<IfReqData>());
    }

    [Fact]
    public void DefaultLayout_Is2048ByteFrames_1024OfThem_In16KiBBlocks()
    {
        var layout = RingLayout.Default;

        layout.Validate();
        Assert.Equal(8, layout.FramesPerBlock);
        Assert.Equal(128, layout.BlockCount);
        Assert.Equal(2 * 1024 * 1024, layout.TotalBytes);
        Assert.Equal(1982, layout.MaxReceiveLength); // 1518 (802.1Q frame) fits
        Assert.Equal(2016, layout.MaxTransmitLength);
    }

    public static TheoryData<string, RingLayout> BadLayouts => new()
    {
        { "FrameSizeNotAligned", new RingLayout(FrameSize: 2000) },
        { "FrameSizeTooSmall", new RingLayout(FrameSize: 64, BlockSize: 4096) },
        { "BlockNotPageMultiple", new RingLayout(BlockSize: 6000) },
        { "FrameLargerThanBlock", new RingLayout(FrameSize: 8192, BlockSize: 4096) },
        { "BlockNotWholeFrames", new RingLayout(FrameSize: 1536, BlockSize: 4096) },
        { "FrameCountNotWholeBlocks", new RingLayout(FrameCount: 1001) },
        { "NoFrames", new RingLayout(FrameCount: 0) },
    };

    [Theory]
    [MemberData(nameof(BadLayouts))]
    public void Validate_RejectsLayoutsTheKernelWouldRefuse(string name, RingLayout layout)
    {
        Assert.NotEmpty(name);
        Assert.Throws<ArgumentException>(layout.Validate);
    }

    [Fact]
    public void Options_RejectFanoutOrRxRingWithoutAProtocol()
    {
        var sendOnly = new PacketSocketOptions { Protocol = PacketProtocol.None };

        Assert.Throws<ArgumentException>((sendOnly with { Fanout = new PacketFanout(1, FanoutMode.Hash) }).Validate);
        Assert.Throws<ArgumentException>((sendOnly with { RxRing = RingLayout.Default }).Validate);
        PacketSocketOptions.Transmitter().Validate();
    }

    [Theory]
    [InlineData(1, FanoutMode.Hash, false, false, 0x0000_0001)]
    [InlineData(0x1234, FanoutMode.LoadBalance, false, false, 0x0001_1234)]
    [InlineData(7, FanoutMode.Hash, true, false, unchecked((int)0x8000_0007))]
    [InlineData(7, FanoutMode.Cpu, false, true, 0x1002_0007)]
    public void Fanout_OptionValue_IsIdLowTypeFlagsHigh(ushort id, FanoutMode mode, bool defrag, bool rollover, int expected)
    {
        Assert.Equal(expected, new PacketFanout(id, mode, defrag, rollover).ToOptionValue());
    }
}
