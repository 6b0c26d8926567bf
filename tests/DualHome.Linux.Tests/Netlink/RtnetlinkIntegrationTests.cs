using System.Net;
using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Netlink;

/// <summary>
/// Rtnetlink against a real kernel, inside a throwaway namespace with a veth pair "a"/"b";
/// every change is checked with iproute2's own view (<c>ip -6 addr/route show</c>).
/// </summary>
public sealed class RtnetlinkIntegrationTests : IDisposable
{
    private static readonly IPAddress LanAddress = IPAddress.Parse("2001:db8:a:1::1");
    private static readonly IPNetwork LanPrefix = IPNetwork.Parse("2001:db8:a:1::/64");

    private readonly TestNetns? _netns;
    private readonly Rtnetlink? _netlink;
    private readonly int _index;

    public RtnetlinkIntegrationTests()
    {
        if (!Privileges.IsRoot)
        {
            return;
        }

        _netns = new TestNetns();
        try
        {
            _netns.AddVethPair("a", "b");
            _netlink = _netns.Run(Rtnetlink.Open); // the socket stays in the namespace; used from the test thread
            _index = _netlink.GetLink("a").Index;
        }
        catch
        {
            Dispose(); // xunit does not dispose a test class whose constructor threw
            throw;
        }
    }

    private Rtnetlink Netlink => _netlink!;

    private TestNetns Netns => _netns!;

    /// <summary><c>ip -6 route add default from 2001:db8:a:1::/64 via fe80::1 dev a metric 1024</c>, our protocol.</summary>
    private Ipv6Route SourceSpecificDefault => new(Ipv6Route.DefaultDestination)
    {
        Source = LanPrefix,
        Gateway = IPAddress.Parse("fe80::1"),
        OutputInterfaceIndex = _index,
        Metric = 1024,
    };

    [Fact]
    public void AddAddress_AppearsWithOnLinkRoute_AndDeleteRemovesBoth()
    {
        Root.Require();

        Assert.True(Netlink.AddAddress(_index, LanAddress, 64, AddressFlags.NoDad));

        Assert.Contains("inet6 2001:db8:a:1::1/64 scope global", Netns.Ip("-6", "addr", "show", "dev", "a"));
        Assert.Contains("2001:db8:a:1::/64 dev a proto kernel", Netns.Ip("-6", "route", "show"));
        Assert.Contains(Netlink.GetAddresses(_index), a => a.Address.Equals(LanAddress) && a.PrefixLength == 64 && a.IsUsable);

        Assert.True(Netlink.DeleteAddress(_index, LanAddress, 64));

        Assert.DoesNotContain("2001:db8:a:1::1", Netns.Ip("-6", "addr", "show", "dev", "a"));
        Assert.DoesNotContain("2001:db8:a:1::/64", Netns.Ip("-6", "route", "show"));
    }

    [Fact]
    public void ChangeAddressLifetimes_DeprecatesAndRestores()
    {
        Root.Require();
        Netns.Ip("-6", "addr", "add", "2001:db8:a:1::5/64", "dev", "a", "nodad", "valid_lft", "5000", "preferred_lft", "3000");
        var address = IPAddress.Parse("2001:db8:a:1::5");

        Netlink.ChangeAddressLifetimes(_index, address, 64, 0, 4000);
        Assert.Contains(Netlink.GetAddresses(_index), a => a.Address.Equals(address) && a.IsDeprecated && a.ValidLifetime is > 3990 and <= 4000);
        Assert.Contains("deprecated", Netns.Ip("-6", "addr", "show", "dev", "a"));

        Netlink.ChangeAddressLifetimes(_index, address, 64, 2000, 4000);
        Assert.Contains(Netlink.GetAddresses(_index), a => a.Address.Equals(address) && !a.IsDeprecated && a.PreferredLifetime > 1990);
    }

    [Fact]
    public void MptcpEndpoints_AndLimits_AreWhatIproute2Shows()
    {
        Root.Require();
        using var pm = Netns.Run(Linux.Netlink.Mptcp.MptcpPathManager.Open);
        var endpoint = new Linux.Netlink.Mptcp.MptcpEndpoint(201, IPAddress.Parse("2001:db8:a:1::7"), _index, Linux.Netlink.Mptcp.MptcpEndpointFlags.Subflow);
        Assert.True(pm.AddEndpoint(endpoint));
        Assert.False(pm.AddEndpoint(endpoint)); // already there: tolerated
        Assert.Contains("2001:db8:a:1::7 id 201 subflow dev a", Netns.Ip("mptcp", "endpoint", "show"));
        pm.SetLimits(new Linux.Netlink.Mptcp.MptcpLimits(3, 4));
        Assert.Equal(new Linux.Netlink.Mptcp.MptcpLimits(3, 4), pm.GetLimits());
        Assert.True(pm.DeleteEndpoint(201));
        Assert.False(pm.DeleteEndpoint(201));
        Assert.DoesNotContain("2001:db8:a:1::7", Netns.Ip("mptcp", "endpoint", "show"));
    }

    [Fact]
    public void AddRoute_SourceSpecificDefault_IsWhatIproute2Shows_AndDeleteRemovesIt()
    {
        Root.Require();

        Assert.True(Netlink.AddRoute(SourceSpecificDefault));

        Assert.Contains(
            "default from 2001:db8:a:1::/64 via fe80::1 dev a proto 100 metric 1024",
            Netns.Ip("-6", "route", "show"));

        Assert.True(Netlink.DeleteRoute(SourceSpecificDefault));

        Assert.Equal(string.Empty, Netns.Ip("-6", "route", "show", "proto", "100"));
    }

    [Fact]
    public void GetRoutes_ReturnsTheAddedRoutesUnchanged()
    {
        Root.Require();
        var unreachable = new Ipv6Route(IPNetwork.Parse("2001:db8:b::/48"))
        {
            Source = IPNetwork.Parse("2001:db8:a::/48"),
            Type = RouteType.Unreachable,
            Table = 1000,
            Metric = 5,
        };
        Netlink.AddRoute(SourceSpecificDefault);
        Netlink.AddRoute(unreachable);

        var ours = Netlink.GetRoutes().Where(r => r.Protocol == RouteProtocols.DualHome).ToList();

        Assert.Equal(2, ours.Count);
        Assert.Contains(SourceSpecificDefault, ours);
        Assert.Contains(unreachable with { OutputInterfaceIndex = 1 }, ours); // the kernel hangs reject routes on lo
    }

    [Fact]
    public void AddRoute_Twice_ThrowsEexist_OrReturnsFalseWhenTolerated()
    {
        Root.Require();
        Netlink.AddRoute(SourceSpecificDefault);

        var error = Assert.Throws<NativeErrorException>(() => Netlink.AddRoute(SourceSpecificDefault));

        Assert.Equal((Errno.EEXIST, "RTM_NEWROUTE"), (error.Errno, error.Operation));
        Assert.False(Netlink.AddRoute(SourceSpecificDefault, ignoreExisting: true));
    }

    [Fact]
    public void Delete_Missing_ThrowsOrReturnsFalseWhenTolerated()
    {
        Root.Require();

        Assert.Equal(Errno.ESRCH, Assert.Throws<NativeErrorException>(() => Netlink.DeleteRoute(SourceSpecificDefault)).Errno);
        Assert.False(Netlink.DeleteRoute(SourceSpecificDefault, ignoreMissing: true));
        Assert.Equal(
            Errno.EADDRNOTAVAIL,
            Assert.Throws<NativeErrorException>(() => Netlink.DeleteAddress(_index, LanAddress, 64)).Errno);
        Assert.False(Netlink.DeleteAddress(_index, LanAddress, 64, ignoreMissing: true));
    }

    [Fact]
    public void AddRoute_UnknownInterface_ThrowsEnodev()
    {
        Root.Require();

        var error = Assert.Throws<NativeErrorException>(
            () => Netlink.AddRoute(SourceSpecificDefault with { OutputInterfaceIndex = 9999 }));

        Assert.Equal(Errno.ENODEV, error.Errno);
    }

    [Fact]
    public void AddRoute_GatewayWithoutInterface_CarriesKernelExplanation()
    {
        Root.Require();

        var error = Assert.Throws<NativeErrorException>(
            () => Netlink.AddRoute(SourceSpecificDefault with { OutputInterfaceIndex = 0 }));

        Assert.Equal(Errno.EINVAL, error.Errno);
        Assert.False(string.IsNullOrEmpty(error.Detail)); // NETLINK_EXT_ACK text, e.g. "Egress device not specified"
        Assert.EndsWith(error.Detail!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplaceRoute_InTableAbove255_ReplacesTheGateway()
    {
        Root.Require();
        var route = new Ipv6Route(IPNetwork.Parse("2001:db8:d::/48"))
        {
            Gateway = IPAddress.Parse("fe80::1"),
            OutputInterfaceIndex = _index,
            Table = 1000,
        };

        Netlink.ReplaceRoute(route);
        Netlink.ReplaceRoute(route with { Gateway = IPAddress.Parse("fe80::2") });

        var shown = Netns.Ip("-6", "route", "show", "table", "1000");
        Assert.Contains("2001:db8:d::/48 via fe80::2 dev a proto 100", shown);
        Assert.DoesNotContain("fe80::1", shown);
    }

    [Fact]
    public void AddRoute_UnreachableFromSource()
    {
        Root.Require();
        var route = new Ipv6Route(IPNetwork.Parse("2001:db8:b::/48"))
        {
            Source = IPNetwork.Parse("2001:db8:a::/48"),
            Type = RouteType.Unreachable,
        };

        Netlink.AddRoute(route);

        Assert.Contains("unreachable 2001:db8:b::/48 from 2001:db8:a::/48", Netns.Ip("-6", "route", "show"));
        Assert.True(Netlink.DeleteRoute(route));
    }

    [Fact]
    public void GetLink_Missing_ThrowsEnodev()
    {
        Root.Require();

        Assert.Equal(Errno.ENODEV, Assert.Throws<NativeErrorException>(() => Netlink.GetLink("dhlnx-none")).Errno);
    }

    /// <summary>NTF_USE makes the kernel solicit the neighbour: b answers, and the dump shows a's entry with b's MAC.</summary>
    [Fact]
    public void ResolveNeighbor_KernelSolicits_AndTheDumpShowsTheAnswer()
    {
        Root.Require();
        Netns.Ip("addr", "add", "fd00:0:0:7::2/64", "dev", "b", "nodad");
        var target = IPAddress.Parse("fd00:0:0:7::2");
        var expected = Netns.Run(() => LinkInfo.Get("b")).MacAddress;

        Netlink.ResolveNeighbor(_index, target);

        NeighborEvent? entry = null;
        for (var i = 0; i < 300 && entry?.State is not NeighborState.Reachable; i++)
        {
            Thread.Sleep(10);
            entry = Netlink.GetNeighbors().FirstOrDefault(n => n.InterfaceIndex == _index && n.Address.Equals(target));
        }

        Assert.NotNull(entry);
        Assert.Equal(NeighborState.Reachable, entry.State);
        Assert.Equal(expected, entry.LinkLayerAddress);
    }

    public void Dispose()
    {
        _netlink?.Dispose();
        _netns?.Dispose();
    }
}
