using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Netlink;

/// <summary>NLMSG_ERROR replies captured from Linux 6.18 (strace -e read=3 of iproute2).</summary>
public sealed class NetlinkAckTests
{
    /// <summary>Success ACK: error 0, NLM_F_CAPPED (0x100), only the request header echoed.</summary>
    private const string SuccessAck =
        """
        24000000 0200 0001 f4e60b6b b0190000
        00000000
        38000000 1800 0506 f4e60b6b 00000000
        """;

    /// <summary>
    /// <c>ip -6 route add 2001:db8:e::/48 via fe80::1</c> without a device: EINVAL (-22) with
    /// NLM_F_ACK_TLVS (0x200), the whole request echoed (iproute2 does not set NETLINK_CAP_ACK),
    /// then NLMSGERR_ATTR_MSG "Egress device not specified".
    /// </summary>
    private const string EinvalWithMessage =
        """
        78000000 0200 0002 f4e60b6b ab190000
        eaffffff
        44000000 1800 0506 f4e60b6b 00000000
        0a300000 fe030001 00000000
        1400 0100 20010db8000e00000000000000000000
        1400 0500 fe800000000000000000000000000001
        2000 0100 45677265737320646576696365206e6f742073706563696669656400
        """;

    /// <summary>The same kind of error shaped as a NETLINK_CAP_ACK socket receives it: header-only echo.</summary>
    private const string CappedEinvalWithMessage =
        """
        30000000 0200 0003 01000000 00000000
        eaffffff
        44000000 1800 0506 01000000 00000000
        0c00 0100 6e6f20776179 0000
        """;

    /// <summary>EEXIST (-17) for a route that exists, no extended ACK attributes.</summary>
    private const string Eexist =
        """
        58000000 0200 0000 f1e60b6b 7b190000
        efffffff
        44000000 1800 0506 f1e60b6b 00000000
        0a303000 fe640007 00000000
        1400 0100 20010db8000b00000000000000000000
        1400 0200 20010db8000a00000000000000000000
        """;

    [Fact]
    public void SuccessAck_IsErrnoZero()
    {
        var message = Single(SuccessAck);

        Assert.Equal(0, NetlinkAck.ReadError(message, out var detail));
        Assert.Null(detail);
    }

    [Fact]
    public void Error_WithExtendedAck_ReturnsErrnoAndKernelText()
    {
        var message = Single(EinvalWithMessage);

        Assert.Equal(Errno.EINVAL, NetlinkAck.ReadError(message, out var detail));
        Assert.Equal("Egress device not specified", detail);
    }

    [Fact]
    public void CappedError_WithExtendedAck_FindsTextAfterHeaderOnlyEcho()
    {
        var message = Single(CappedEinvalWithMessage);

        Assert.Equal(Errno.EINVAL, NetlinkAck.ReadError(message, out var detail));
        Assert.Equal("no way", detail);
    }

    [Fact]
    public void Error_WithoutExtendedAck_HasNoDetail()
    {
        var message = Single(Eexist);

        Assert.Equal(Errno.EEXIST, NetlinkAck.ReadError(message, out var detail));
        Assert.Null(detail);
    }

    [Fact]
    public void Error_TooShortForNlmsgerr_Throws()
    {
        var bytes = Hex.Parse("14000000 0200 0000 01000000 00000000 efffffff");

        Assert.Throws<InvalidDataException>(() =>
        {
            var offset = 0;
            NetlinkReader.TryReadMessage(bytes, ref offset, out var message);
            NetlinkAck.ReadError(message, out _);
        });
    }

    [Fact]
    public void Done_CarriesDumpError()
    {
        var bytes = Hex.Parse("14000000 0300 0200 01000000 00000000 f4ffffff");
        var offset = 0;
        Assert.True(NetlinkReader.TryReadMessage(bytes, ref offset, out var done));

        Assert.Equal(Errno.ENOMEM, NetlinkAck.ReadDoneError(done));
    }

    private static NetlinkMessage Single(string hex)
    {
        var bytes = Hex.Parse(hex);
        var offset = 0;
        Assert.True(NetlinkReader.TryReadMessage(bytes, ref offset, out var message));
        Assert.Equal(bytes.Length, offset);
        return message;
    }
}
