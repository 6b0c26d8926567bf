using System.Net;
using System.Net.NetworkInformation;
using System.Text.Json;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests;

/// <summary>LinkInfo compared with <c>ip -j</c> in a throwaway namespace.</summary>
public sealed class LinkInfoIntegrationTests
{
    [Fact]
    public void Get_MatchesIproute2()
    {
        Root.Require();
        using var netns = new TestNetns();
        netns.AddVethPair("a", "b");
        netns.Ip("link", "set", "dev", "a", "mtu", "1400");

        var link = netns.Run(() => LinkInfo.Get("a"));

        using var ipLink = JsonDocument.Parse(netns.Ip("-j", "link", "show", "dev", "a"));
        var expected = ipLink.RootElement[0];
        Assert.Equal("a", link.Name);
        Assert.Equal(expected.GetProperty("ifindex").GetInt32(), link.Index);
        Assert.Equal(1400, link.Mtu);
        Assert.Equal(PhysicalAddress.Parse(expected.GetProperty("address").GetString()!.Replace(':', '-')), link.MacAddress);
        Assert.True(link.IsUp);
        Assert.True(link.HasCarrier);
        Assert.Equal(LinkOperState.Up, link.OperState);
        Assert.Equal([LinkLocalOf(netns, "a", link.Index)], link.LinkLocalAddresses);
    }

    [Fact]
    public void Get_InterfaceOfAnotherNamespace_ThrowsEnodev()
    {
        Root.Require();
        using var netns = new TestNetns();
        netns.AddVethPair("dhlnx-x0", "dhlnx-x1");

        var error = Assert.Throws<NativeErrorException>(() => LinkInfo.Get("dhlnx-x0")); // root namespace

        Assert.Equal(Errno.ENODEV, error.Errno);
    }

    private static IPAddress LinkLocalOf(TestNetns netns, string interfaceName, int index)
    {
        using var addresses = JsonDocument.Parse(netns.Ip("-j", "-6", "addr", "show", "dev", interfaceName, "scope", "link"));
        var local = addresses.RootElement[0].GetProperty("addr_info")[0].GetProperty("local").GetString()!;
        return new IPAddress(IPAddress.Parse(local).GetAddressBytes(), index);
    }
}
