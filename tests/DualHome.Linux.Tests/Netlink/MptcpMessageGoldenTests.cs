using System.Net;
using DualHome.Linux.Netlink;
using DualHome.Linux.Netlink.Mptcp;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Netlink;

/// <summary>
/// Generic netlink and "mptcp_pm" requests compared byte for byte with what iproute2 6.1 sent, captured with
/// <c>strace -e trace=sendmsg,sendto -e write=3,4 -xx ip mptcp …</c> in a throwaway namespace where "v0" had ifindex 3
/// and the kernel gave mptcp_pm family id 0x1c. iproute2's sequence numbers are reused.
/// </summary>
public sealed class MptcpMessageGoldenTests
{
    private const ushort Family = 0x1c;
    private const uint Sequence = 0x6b0c5231;

    [Fact]
    public void GetFamily_MatchesIproute2()
    {
        Hex.Equal("""
            24000000 1000 0100 30520c6b 00000000
            03 00 0000
            0d00 0200 6d707463705f706d00 000000
            """, GenericNetlinkMessages.BuildGetFamily("mptcp_pm", 0x6b0c5230));
        // GENL_ID_CTRL, REQUEST only; genlmsghdr cmd 3 (GETFAMILY) version 0; CTRL_ATTR_FAMILY_NAME "mptcp_pm\0", padded
    }

    /// <summary><c>ip mptcp endpoint add 2001:db8:a:1::5 dev v0 id 200 subflow</c>.</summary>
    [Fact]
    public void AddEndpoint_MatchesIproute2()
    {
        var endpoint = new MptcpEndpoint(200, IPAddress.Parse("2001:db8:a:1::5"), 3, MptcpEndpointFlags.Subflow);
        Hex.Equal("""
            4c000000 1c00 0500 31520c6b 00000000
            01 01 0000
            3800 0180
              0500 0200 c8000000
              0800 0600 02000000
              0800 0700 03000000
              0600 0100 0a000000
              1400 0400 20010db8000a00010000000000000005
            """, MptcpMessages.BuildAddEndpoint(Family, endpoint, Sequence));
        // family 0x1c, REQUEST|ACK; cmd ADD_ADDR version 1; MPTCP_PM_ATTR_ADDR | NLA_F_NESTED:
        // ID 200, FLAGS subflow, IF_IDX 3, FAMILY AF_INET6, ADDR6
    }

    [Fact]
    public void AddBackupEndpoint_CarriesTheBackupFlag()
    {
        var endpoint = new MptcpEndpoint(200, IPAddress.Parse("2001:db8:a:1::5"), 3, MptcpEndpointFlags.Subflow | MptcpEndpointFlags.Backup);
        var message = MptcpMessages.BuildAddEndpoint(Family, endpoint, Sequence);
        Assert.Equal("06000000", Hex.Format(message.AsSpan(0x24, 4))); // captured from `… subflow backup`
    }

    /// <summary><c>ip mptcp endpoint delete id 200</c>.</summary>
    [Fact]
    public void DeleteEndpoint_MatchesIproute2()
    {
        Hex.Equal("""
            20000000 1c00 0500 31520c6b 00000000
            02 01 0000
            0c00 0180 0500 0200 c8000000
            """, MptcpMessages.BuildDeleteEndpoint(Family, 200, Sequence));
    }

    /// <summary><c>ip mptcp endpoint change id 200 backup</c> and <c>… nobackup</c> (sequence 0x6b0c5483).</summary>
    [Fact]
    public void SetBackup_MatchesIproute2()
    {
        Hex.Equal("28000000 1c00 0500 83540c6b 00000000 07 01 0000 1400 0180 0500 0200 c8000000 0800 0600 04000000",
            MptcpMessages.BuildSetBackup(Family, 200, true, 0x6b0c5483));
        Hex.Equal("20000000 1c00 0500 83540c6b 00000000 07 01 0000 0c00 0180 0500 0200 c8000000",
            MptcpMessages.BuildSetBackup(Family, 200, false, 0x6b0c5483));
    }

    /// <summary><c>ip mptcp limits set subflow 2 add_addr_accepted 2</c>.</summary>
    [Fact]
    public void SetLimits_MatchesIproute2()
    {
        Hex.Equal("""
            24000000 1c00 0500 31520c6b 00000000
            05 01 0000
            0800 0200 02000000
            0800 0300 02000000
            """, MptcpMessages.BuildSetLimits(Family, new MptcpLimits(2, 2), Sequence));
    }

    /// <summary><c>ip mptcp limits show</c>.</summary>
    [Fact]
    public void GetLimits_MatchesIproute2()
    {
        Hex.Equal("14000000 1c00 0100 31520c6b 00000000 06 01 0000", MptcpMessages.BuildGetLimits(Family, Sequence));
    }

    [Fact]
    public void Limits_and_family_id_are_read_from_replies()
    {
        var limits = Hex.Parse("06 01 0000 0800 0200 03000000 0800 0300 04000000");
        Assert.Equal(new MptcpLimits(3, 4), MptcpMessages.ReadLimits(new NetlinkMessage(Family, 0, 1, limits)));
        var family = Hex.Parse("01 02 0000 0d00 0200 6d707463705f706d00 000000 0600 0100 1c000000");
        Assert.Equal(Family, GenericNetlinkMessages.ReadFamilyId(new NetlinkMessage(0x10, 0, 1, family)));
        Assert.Equal(0, GenericNetlinkMessages.ReadFamilyId(new NetlinkMessage(0x10, 0, 1, Hex.Parse("01 02"))));
    }
}
