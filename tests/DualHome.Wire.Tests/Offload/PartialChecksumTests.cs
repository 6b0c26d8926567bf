using DualHome.Wire.Offload;
using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Offload;

public sealed class PartialChecksumTests
{
    /// <summary>UDP 49152 → 4000, "dualhome", from 2001:db8:a:1::2 to 2001:db8:0:ff::1. Its checksum is 0x37f8 (RFC 1071
    /// sum, computed independently); a sender that offloads it leaves the folded pseudo-header sum, 0x5ca0, in the field.</summary>
    private static byte[] Frame(string checksum) => Hex.Parse($"""
        020000000001 020000000002 86dd                      # Ethernet
        60000000 0010 11 40                                 # IPv6: payload 16, UDP, hop limit 64
        20010db8000a00010000000000000002                    # source
        20010db8000000ff0000000000000001                    # destination
        c000 0fa0 0010 {checksum}                           # UDP header
        6475616c686f6d65                                    # "dualhome"
        """);

    private static readonly VirtioNetHeader Udp = new(VirtioNetHeader.NeedsChecksum, VirtioNetHeader.GsoNone, 0, 0, 54, 6);

    [Fact]
    public void Fills_in_what_the_sender_left_to_the_hardware()
    {
        var frame = Frame("5ca0");
        Assert.True(PartialChecksum.TryComplete(frame, Udp));
        Assert.Equal(Hex.Format(Frame("37f8")), Hex.Format(frame));
    }

    [Fact]
    public void Offsets_outside_the_frame_leave_it_untouched()
    {
        var frame = Frame("5ca0");
        Assert.False(PartialChecksum.TryComplete(frame, Udp with { ChecksumStart = 70 }));
        Assert.False(PartialChecksum.TryComplete(frame, Udp with { ChecksumOffset = 15 }));
        Assert.Equal(Hex.Format(Frame("5ca0")), Hex.Format(frame));
    }
}
