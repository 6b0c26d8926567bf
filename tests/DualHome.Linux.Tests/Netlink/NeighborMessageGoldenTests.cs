using System.Net;
using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Netlink;

/// <summary>Neighbour requests compared with iproute2 6.1's (strace capture, ifindex 3).</summary>
public sealed class NeighborMessageGoldenTests
{
    /// <summary><c>ip -6 neigh del fe80::1 dev x0</c>.</summary>
    [Fact]
    public void DeleteNeighbor_MatchesIproute2()
    {
        Hex.Equal(
            """
            30000000 1d00 0500 f7f60b6b 00000000
            0a 000000 03000000 8000 00 00
            1400 0100 fe800000000000000000000000000001
            """,
            NetlinkMessages.BuildDeleteNeighbor(3, IPAddress.Parse("fe80::1"), 1795946231));
        // nlmsghdr: len 48, RTM_DELNEIGH (29), REQUEST|ACK, seq as captured
        // ndmsg: AF_INET6, pad, ifindex 3, state NUD_PERMANENT, flags 0, type 0
        // NDA_DST fe80::1
    }

    /// <summary><c>ip -6 neigh get fe80::1 dev x</c>: a plain request, no ACK; the kernel answers with the RTM_NEWNEIGH.</summary>
    [Fact]
    public void GetNeighbor_MatchesIproute2()
    {
        Hex.Equal(
            """
            30000000 1e00 0100 d9f70b6b 00000000
            0a 000000 03000000 0000 00 00
            1400 0100 fe800000000000000000000000000001
            """,
            NetlinkMessages.BuildGetNeighbor(3, IPAddress.Parse("fe80::1"), 1795946457));
        // nlmsghdr: len 48, RTM_GETNEIGH (30), NLM_F_REQUEST, seq as captured
        // ndmsg: AF_INET6, pad, ifindex 3, state 0, flags 0, type 0
        // NDA_DST fe80::1
    }

    [Fact]
    public void DeleteNeighbor_RejectsIpv4AndBadIndex()
    {
        Assert.Throws<ArgumentException>(() => NetlinkMessages.BuildDeleteNeighbor(3, IPAddress.Parse("192.0.2.1"), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetlinkMessages.BuildDeleteNeighbor(0, IPAddress.Parse("fe80::1"), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetlinkMessages.BuildGetNeighbor(0, IPAddress.Parse("fe80::1"), 1));
    }
}
