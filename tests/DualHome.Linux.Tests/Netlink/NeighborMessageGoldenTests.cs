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

    /// <summary>
    /// <c>ip -6 neigh replace fe80::1 dev x use</c> as iproute2 6.1 sends it (strace), with two deliberate
    /// differences: flags CREATE without REPLACE, and ndm_state 0 instead of NUD_PERMANENT, because neigh_add makes
    /// an entry created with NUD_PERMANENT exempt from garbage collection, and a scan of the LAN /64 would then fill
    /// the cache for good.
    /// </summary>
    [Fact]
    public void ResolveNeighbor_IsNewNeighWithNtfUse_AndNoPermanentState()
    {
        Hex.Equal(
            """
            30000000 1c00 0504 3e0c0c6b 00000000
            0a 000000 03000000 0000 01 00
            1400 0100 fe800000000000000000000000000001
            """,
            NetlinkMessages.BuildResolveNeighbor(3, IPAddress.Parse("fe80::1"), 1795951678));
        // nlmsghdr: len 48, RTM_NEWNEIGH (28), REQUEST|ACK|CREATE (iproute2: |REPLACE, 0x0505)
        // ndmsg: AF_INET6, pad, ifindex 3, state 0 (iproute2: 0x80), flags NTF_USE, type 0
        // NDA_DST fe80::1
    }

    /// <summary><c>ip -6 neigh show</c>: a dump request with a bare ndmsg.</summary>
    [Fact]
    public void GetNeighbors_IsDumpOfIpv6()
    {
        Hex.Equal(
            """
            1c000000 1e00 0103 07000000 00000000
            0a 000000 00000000 0000 00 00
            """,
            NetlinkMessages.BuildGetNeighbors(7));
    }

    [Fact]
    public void DeleteNeighbor_RejectsIpv4AndBadIndex()
    {
        Assert.Throws<ArgumentException>(() => NetlinkMessages.BuildDeleteNeighbor(3, IPAddress.Parse("192.0.2.1"), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetlinkMessages.BuildDeleteNeighbor(0, IPAddress.Parse("fe80::1"), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetlinkMessages.BuildGetNeighbor(0, IPAddress.Parse("fe80::1"), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetlinkMessages.BuildResolveNeighbor(0, IPAddress.Parse("fe80::1"), 1));
    }
}
