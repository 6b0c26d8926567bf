using DualHome.Wire.Offload;
using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Offload;

public sealed class VirtioNetHeaderTests
{
    /// <summary>The header of a GRO'd TCP/IPv6 super-frame as the receive ring gave it on x64, Linux 6.18 (captured by
    /// VnetHeaderIntegrationTests): NEEDS_CSUM, TCPV6, hdr_len 86, gso_size 1428 (the MSS), csum_start 54, csum_offset 16.</summary>
    private const string GroTcp = "01 04 5600 9405 3600 1000";

    [Fact]
    public void Reads_the_kernels_layout()
    {
        Assert.True(VirtioNetHeader.TryRead(Hex.Parse(GroTcp), out var header));
        Assert.Equal(new VirtioNetHeader(VirtioNetHeader.NeedsChecksum, VirtioNetHeader.GsoTcpV6, 0x56, 1428, 54, 16), header);
        Assert.True(header.IsGso);
        Assert.True(header.ChecksumPending);
    }

    [Fact]
    public void Writes_the_same_bytes_it_read()
    {
        var bytes = new byte[VirtioNetHeader.Length];
        Assert.True(new VirtioNetHeader(1, 4, 0x56, 1428, 54, 16).TryWrite(bytes));
        Assert.Equal(GroTcp.Replace(" ", ""), Hex.Format(bytes));
    }

    [Fact]
    public void Too_short_is_refused_and_nothing_is_written()
    {
        Assert.False(VirtioNetHeader.TryRead(new byte[9], out var header));
        Assert.Equal(VirtioNetHeader.None, header);
        var bytes = new byte[9];
        Assert.False(new VirtioNetHeader(1, 4, 1, 1, 1, 1).TryWrite(bytes));
        Assert.All(bytes, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_forward_keeps_segmentation_and_checksum_but_drops_data_valid()
    {
        var received = new VirtioNetHeader(VirtioNetHeader.NeedsChecksum | VirtioNetHeader.DataValid, VirtioNetHeader.GsoTcpV6, 66, 1428, 54, 16);
        Assert.Equal(received with { Flags = VirtioNetHeader.NeedsChecksum }, received.ForTransmit());
        Assert.Equal(VirtioNetHeader.None, new VirtioNetHeader(VirtioNetHeader.DataValid, 0, 0, 0, 0, 0).ForTransmit());
    }

    [Fact]
    public void Largest_segment_is_headers_plus_gso_size()
    {
        var frame = new byte[14 + 40 + 32 + 4000];
        frame[14 + 40 + 12] = 8 << 4; // TCP data offset 8 words: 32 bytes with timestamps
        var tcp = new VirtioNetHeader(1, VirtioNetHeader.GsoTcpV6, 0, 1428, 54, 16);
        Assert.Equal(54 + 32 + 1428, tcp.LargestSegment(frame));
        var ecn = tcp with { GsoType = VirtioNetHeader.GsoTcpV6 | VirtioNetHeader.GsoEcn };
        Assert.Equal(54 + 32 + 1428, ecn.LargestSegment(frame));
        var udp = new VirtioNetHeader(1, VirtioNetHeader.GsoUdpL4, 0, 1200, 54, 6);
        Assert.Equal(54 + 8 + 1200, udp.LargestSegment(frame));
    }

    [Fact]
    public void Largest_segment_is_zero_when_not_gso_or_the_header_is_outside_the_frame()
    {
        var frame = new byte[60];
        Assert.Equal(0, new VirtioNetHeader(1, 0, 0, 0, 54, 16).LargestSegment(frame));
        Assert.Equal(0, new VirtioNetHeader(1, VirtioNetHeader.GsoTcpV6, 0, 1428, 54, 16).LargestSegment(frame));
        Assert.Equal(0, new VirtioNetHeader(1, VirtioNetHeader.GsoTcpV6, 0, 0, 14, 16).LargestSegment(frame));
    }
}
