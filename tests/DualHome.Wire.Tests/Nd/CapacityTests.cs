using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Messages;
using static DualHome.Wire.Tests.Support.Nd;

namespace DualHome.Wire.Tests.Nd;

/// <summary>Writers check the buffer before they write: Write throws, TryWrite returns false, and neither touches it.</summary>
public class CapacityTests
{
    private static readonly RouterAdvertisement Ra = RadvdCaptureTests.Expected;

    [Fact]
    public void RaSizing_IsTheExactWrittenLength()
    {
        // 16 header + 2 x 32 PIO + 16 RIO + 24 RDNSS + 24 DNSSL + 8 MTU + 8 SLLA
        Assert.Equal(160, RaSizing.Measure(Ra));
        Assert.Equal(160, RouterAdvertisementWriter.Write(Ra, new byte[160]));
    }

    [Fact]
    public void RaSizing_AgainstTheLinkMtu()
    {
        Assert.Equal(1240, RaSizing.MaxMessageLength(1280));
        Assert.True(RaSizing.FitsLink(Ra, 1280));
        var big = Ra with { Prefixes = Enumerable.Repeat(Ra.Prefixes[0], 38).ToList() }; // 160 + 36 x 32 = 1312
        Assert.False(RaSizing.FitsLink(big, 1280));
        Assert.True(RaSizing.FitsLink(big, 1500));
    }

    [Fact]
    public void Write_IntoATooSmallBuffer_ThrowsWithoutWriting()
    {
        byte[] buffer = Filled(159);
        var error = Assert.Throws<ArgumentException>(() => RouterAdvertisementWriter.Write(Ra, buffer));
        Assert.Contains("needs 160", error.Message, StringComparison.Ordinal);
        Assert.All(buffer, b => Assert.Equal(0xaa, b));
    }

    [Fact]
    public void TryWrite_IntoATooSmallBuffer_ReturnsFalseWithoutWriting()
    {
        byte[] buffer = Filled(31);
        Assert.False(RouterAdvertisementWriter.TryWrite(Ra, buffer, out int written));
        Assert.False(RouterSolicitationWriter.TryWrite(new RouterSolicitation(HostMac), buffer[..15], out _));
        Assert.False(NeighborSolicitationWriter.TryWrite(new NeighborSolicitation(RouterLinkLocal, HostMac), buffer, out _));
        Assert.False(NeighborAdvertisementWriter.TryWrite(new NeighborAdvertisement(true, true, true, RouterLinkLocal, RouterMac), buffer, out _));
        Assert.Equal(0, written);
        Assert.All(buffer, b => Assert.Equal(0xaa, b));
    }

    [Fact]
    public void TryWrite_WithRoom_WritesTheMeasuredLength()
    {
        var ns = new NeighborSolicitation(RouterLinkLocal, HostMac);
        Assert.True(NeighborSolicitationWriter.TryWrite(ns, new byte[32], out int written));
        Assert.Equal(NeighborSolicitationWriter.Measure(ns), written);
        Assert.Equal(32, written);
    }

    private static byte[] Filled(int length) => Enumerable.Repeat((byte)0xaa, length).ToArray();
}
