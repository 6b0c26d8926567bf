using System.Net;
using System.Net.NetworkInformation;
using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Netlink;

/// <summary>
/// RTM_NEWNEIGH / RTM_DELNEIGH notifications captured from Linux 6.18 on an RTNLGRP_NEIGH socket in a throwaway
/// namespace (veth x = ifindex 3, y = ifindex 2), while iproute2 6.1 or the kernel's own ND changed the entries.
/// </summary>
public sealed class NeighborParserTests
{
    /// <summary><c>ip -6 neigh add fe80::1 lladdr 02:00:00:00:00:01 dev x nud reachable</c>.</summary>
    private const string AddedReachable =
        """
        58000000 1c00 0000 00000000 8a4e0000
        0a 000000 03000000 0200 00 01
        1400 0100 fe800000000000000000000000000001
        0a00 0200 020000000001 0000
        0800 0400 00000000
        1400 0300 00000000 00000000 00000000 02000000
        """;
    // nlmsghdr: len 88, RTM_NEWNEIGH (28), no flags, seq 0, pid of the ip command that caused it
    // ndmsg: AF_INET6, pad, ifindex 3, NUD_REACHABLE, flags 0, RTN_UNICAST
    // NDA_DST fe80::1
    // NDA_LLADDR 02:00:00:00:00:01 (nla_len 10, padded to 12)
    // NDA_PROBES 0; NDA_CACHEINFO confirmed/used/updated/refcnt (not read)

    /// <summary><c>ip -6 neigh change fe80::1 lladdr 02:00:00:00:00:01 dev x nud failed</c>: no NDA_LLADDR any more.</summary>
    private const string ChangedToFailed =
        """
        4c000000 1c00 0000 00000000 8c4e0000
        0a 000000 03000000 2000 00 01
        1400 0100 fe800000000000000000000000000001
        0800 0400 00000000
        1400 0300 0b000000 0b000000 0b000000 01000000
        """;
    // ndmsg: NUD_FAILED

    /// <summary><c>ip -6 neigh del fe80::1 dev x</c>: the kernel reports the last state of the entry, from pid 0.</summary>
    private const string Deleted =
        """
        4c000000 1d00 0000 00000000 00000000
        0a 000000 03000000 2000 00 01
        1400 0100 fe800000000000000000000000000001
        0800 0400 00000000
        1400 0300 16000000 16000000 16000000 00000000
        """;
    // nlmsghdr: RTM_DELNEIGH (29); ndmsg: NUD_FAILED

    /// <summary>The kernel resolved y's link-local address for a ping from x (NS/NA): REACHABLE with its MAC.</summary>
    private const string ResolvedByNd =
        """
        58000000 1c00 0000 00000000 00000000
        0a 000000 03000000 0200 00 01
        1400 0100 fe8000000000000004c1acfffeaa76a2
        0a00 0200 06c1acaa76a2 0000
        0800 0400 04000000
        1400 0300 00000000 00000000 00000000 02000000
        """;
    // NDA_PROBES 4: solicitations sent for it so far

    /// <summary>y learnt x from the Neighbor Solicitation it received (RFC 4861 §7.2.3): a new STALE entry.</summary>
    private const string LearntFromSolicitation =
        """
        58000000 1c00 0000 00000000 00000000
        0a 000000 02000000 0400 00 01
        1400 0100 fe800000000000009017fafffe08e860
        0a00 0200 9217fa08e860 0000
        0800 0400 00000000
        1400 0300 70170000 00000000 00000000 01000000
        """;

    /// <summary>A ping to fe80::99, which nobody owns: after the solicitations the kernel gives up.</summary>
    private const string ResolutionFailed =
        """
        4c000000 1c00 0000 00000000 00000000
        0a 000000 03000000 2000 00 01
        1400 0100 fe800000000000000000000000000099
        0800 0400 06000000
        1400 0300 8f170000 1f000000 00000000 01000000
        """;

    /// <summary>y went down: its multicast (NOARP) entries are flushed with RTM_DELNEIGH.</summary>
    private const string MulticastFlushed =
        """
        58000000 1d00 0000 00000000 00000000
        0a 000000 02000000 4000 00 05
        1400 0100 ff0200000000000000000001ffaa76a2
        0a00 0200 3333ffaa76a2 0000
        0800 0400 00000000
        1400 0300 a7170000 37000000 37000000 00000000
        """;
    // ndmsg: NUD_NOARP, RTN_MULTICAST

    /// <summary>Name, capture, then the expected event: ifindex, address, state, MAC, deleted, requested by (nlmsg_pid).</summary>
    public static TheoryData<string, string, int, string, NeighborState, string, bool, uint> Captures => new()
    {
        { nameof(AddedReachable), AddedReachable, 3, "fe80::1%3", NeighborState.Reachable, "02-00-00-00-00-01", false, 0x4e8a },
        { nameof(ChangedToFailed), ChangedToFailed, 3, "fe80::1%3", NeighborState.Failed, "", false, 0x4e8c },
        { nameof(Deleted), Deleted, 3, "fe80::1%3", NeighborState.Failed, "", true, 0 },
        { nameof(ResolvedByNd), ResolvedByNd, 3, "fe80::4c1:acff:feaa:76a2%3", NeighborState.Reachable, "06-C1-AC-AA-76-A2", false, 0 },
        { nameof(LearntFromSolicitation), LearntFromSolicitation, 2, "fe80::9017:faff:fe08:e860%2", NeighborState.Stale, "92-17-FA-08-E8-60", false, 0 },
        { nameof(ResolutionFailed), ResolutionFailed, 3, "fe80::99%3", NeighborState.Failed, "", false, 0 },
        { nameof(MulticastFlushed), MulticastFlushed, 2, "ff02::1:ffaa:76a2", NeighborState.NoArp, "33-33-FF-AA-76-A2", true, 0 },
    };

    [Theory]
    [MemberData(nameof(Captures))]
    public void Capture_ParsesToEvent(
        string name, string hex, int index, string address, NeighborState state, string linkLayer, bool deleted, uint requestedBy)
    {
        Assert.NotEmpty(name);
        var bytes = Hex.Parse(hex);
        var offset = 0;
        Assert.True(NetlinkReader.TryReadMessage(bytes, ref offset, out var message));
        Assert.Equal(bytes.Length, offset);

        Assert.True(RtnetlinkEventParser.TryParse(message, out var ev));

        // IPAddress equality includes the scope id; PhysicalAddress compares bytes ("" = None).
        Assert.Equal(new NeighborEvent(index, IPAddress.Parse(address), state, PhysicalAddress.Parse(linkLayer), deleted, requestedBy), ev);
    }

    [Theory]
    [InlineData("TooShort", "0a 000000 03000000 0200 00")]
    [InlineData("AttributeOverrun", "0a 000000 03000000 0200 00 01  1400 0100 fe800000000000000000")]
    [InlineData("AttributeLengthBelowHeader", "0a 000000 03000000 0200 00 01  0200 0100")]
    [InlineData("AttributeHeaderCut", "0a 000000 03000000 0200 00 01  1400 01")]
    [InlineData("NoDestination", "0a 000000 03000000 0200 00 01  0a00 0200 020000000001 0000")]
    [InlineData("DestinationNot16Bytes", "0a 000000 03000000 0200 00 01  0800 0100 c0000201")]
    [InlineData("Ipv4", "02 000000 03000000 0200 00 01  0800 0100 c0000201")]
    [InlineData("BridgeFdb", "07 000000 03000000 8000 02 00  0a00 0200 020000000001 0000")]
    [InlineData("Empty", "")]
    public void Malformed_OrNotIpv6_ReturnsFalse_WithoutThrowing(string name, string hex)
    {
        Assert.NotEmpty(name);

        Assert.False(NeighborParser.TryParse(Hex.Parse(hex), deleted: false, out var neighbor));
        Assert.Null(neighbor);
    }
}
