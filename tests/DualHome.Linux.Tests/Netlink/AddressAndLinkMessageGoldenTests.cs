using System.Net;
using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Netlink;

/// <summary>Address and link requests compared with iproute2 6.1's (strace captures, "v0" = ifindex 3).</summary>
public sealed class AddressAndLinkMessageGoldenTests
{
    private static readonly IPAddress LanAddress = IPAddress.Parse("2001:db8:a:1::1");

    /// <summary><c>ip -6 addr add 2001:db8:a:1::1/64 dev v0 nodad</c>.</summary>
    [Fact]
    public void NewAddress_NoDad_MatchesIproute2()
    {
        Hex.Equal(
            """
            40000000 1400 0506 7ee60b6b 00000000
            0a 40 02 00 03000000
            1400 0200 20010db8000a00010000000000000001
            1400 0100 20010db8000a00010000000000000001
            """,
            NetlinkMessages.BuildNewAddress(3, LanAddress, 64, AddressFlags.NoDad, 0x6b0be67e));
        // nlmsghdr: len 64, RTM_NEWADDR (20), REQUEST|ACK|EXCL|CREATE
        // ifaddrmsg: AF_INET6, prefixlen 64, IFA_F_NODAD (0x02), scope 0, ifindex 3
        // IFA_LOCAL then IFA_ADDRESS, both the address
    }

    /// <summary><c>ip -6 addr del 2001:db8:a:1::1/64 dev v0</c>.</summary>
    /// <summary><c>ip -6 addr change 2001:db8:a:1::5/64 dev v0 preferred_lft 0 valid_lft 4000</c> (ifindex 3, iproute2
    /// 6.1's sequence 0x6b0c5316), captured with strace (issue 11: the host deprecates an address itself).</summary>
    [Fact]
    public void ChangeLifetimes_MatchesIproute2()
    {
        Hex.Equal("""
            54000000 1400 0501 16530c6b 00000000
            0a 40 00 00 03000000
            1400 0200 20010db8000a00010000000000000005
            1400 0100 20010db8000a00010000000000000005
            1400 0600 00000000 a00f0000 00000000 00000000
            """, NetlinkMessages.BuildChangeLifetimes(3, IPAddress.Parse("2001:db8:a:1::5"), 64, 0, 4000, 0x6b0c5316));
        // RTM_NEWADDR, REQUEST|ACK|REPLACE; IFA_LOCAL, IFA_ADDRESS, IFA_CACHEINFO { preferred 0, valid 4000, 0, 0 }
    }

    [Fact]
    public void DeleteAddress_MatchesIproute2()
    {
        Hex.Equal(
            """
            40000000 1500 0500 7ee60b6b 00000000
            0a 40 00 00 03000000
            1400 0200 20010db8000a00010000000000000001
            1400 0100 20010db8000a00010000000000000001
            """,
            NetlinkMessages.BuildDeleteAddress(3, LanAddress, 64, 0x6b0be67e));
        // RTM_DELADDR (21), REQUEST|ACK
    }

    /// <summary>The RTM_GETADDR dump <c>ip -6 addr show</c> sends.</summary>
    [Fact]
    public void GetAddresses_MatchesIproute2()
    {
        Hex.Equal(
            """
            18000000 1600 0103 75e80b6b 00000000
            0a 00 00 00 00000000
            """,
            NetlinkMessages.BuildGetAddresses(0x6b0be875));
        // RTM_GETADDR (22), REQUEST|DUMP (0x301); ifaddrmsg family AF_INET6, all else 0
    }

    /// <summary>The RTM_GETLINK <c>ip link show v0</c> sends to resolve the name.</summary>
    [Fact]
    public void GetLinkByName_MatchesIproute2()
    {
        Hex.Equal(
            """
            30000000 1200 0100 ace60b6b 00000000
            00 00 0000 00000000 00000000 00000000
            0800 1d00 09000000
            0700 0300 763000 00
            """,
            NetlinkMessages.BuildGetLink("v0", 0x6b0be6ac));
        // RTM_GETLINK (18), REQUEST only: the reply is the RTM_NEWLINK itself (or an error)
        // ifinfomsg: AF_UNSPEC, index 0 (look up by name)
        // IFLA_EXT_MASK (29) = RTEXT_FILTER_VF|RTEXT_FILTER_SKIP_STATS
        // IFLA_IFNAME (3) "v0\0": nla_len 7, padded to 8
    }

    /// <summary>The RTM_GETLINK by index <c>ip link show</c> sends for ifindex 2.</summary>
    [Fact]
    public void GetLinkByIndex_MatchesIproute2()
    {
        Hex.Equal(
            """
            28000000 1200 0100 ace60b6b 00000000
            00 00 0000 02000000 00000000 00000000
            0800 1d00 09000000
            """,
            NetlinkMessages.BuildGetLink(2, 0x6b0be6ac));
    }

    [Theory]
    [InlineData("ZeroIndex", 0, "2001:db8::1", 64)]
    [InlineData("Ipv4", 3, "192.0.2.1", 24)]
    [InlineData("PrefixTooLong", 3, "2001:db8::1", 129)]
    [InlineData("PrefixNegative", 3, "2001:db8::1", -1)]
    public void NewAddress_Invalid_Throws(string name, int index, string address, int prefixLength)
    {
        Assert.NotEmpty(name);
        Assert.ThrowsAny<ArgumentException>(
            () => NetlinkMessages.BuildNewAddress(index, IPAddress.Parse(address), prefixLength, AddressFlags.None, 1));
    }
}
