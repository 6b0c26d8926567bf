using System.Net;
using DualHome.ControlPlane.Dhcpv6;
using DualHome.Wire.Dhcpv6;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.ControlPlane.Tests.Dhcpv6;

/// <summary>The LAN /64 from a delegation (issue 8: SubnetId, default 0), and lifetimes left of a delegation.</summary>
public class LanSubnetTests
{
    [Theory]
    [InlineData("2001:db8:a::/56", 0UL, "2001:db8:a::/64")]
    [InlineData("2001:db8:a::/56", 1UL, "2001:db8:a:1::/64")]
    [InlineData("2001:db8:a::/56", 255UL, "2001:db8:a:ff::/64")]
    [InlineData("2001:db8:a:100::/56", 5UL, "2001:db8:a:105::/64")]
    [InlineData("2001:db8:a::/48", 0xffffUL, "2001:db8:a:ffff::/64")]
    [InlineData("2001:db8:a:1::/64", 0UL, "2001:db8:a:1::/64")]
    [InlineData("2001:db8::/32", 0x000a_0001UL, "2001:db8:a:1::/64")]
    public void SubnetId_NumbersA64InsideTheDelegation(string delegated, ulong id, string expected)
    {
        Assert.True(LanSubnet.TryFrom(IPNetwork.Parse(delegated), id, out IPNetwork lan));
        Assert.Equal(IPNetwork.Parse(expected), lan);
    }

    [Theory]
    [InlineData("2001:db8:a::/56", 256UL)]  // only 8 bits of subnet in a /56
    [InlineData("2001:db8:a:1::/64", 1UL)]  // a /64 holds one LAN
    [InlineData("2001:db8:a::/72", 0UL)]    // longer than /64: no LAN
    [InlineData("10.0.0.0/8", 0UL)]
    public void SubnetId_ThatDoesNotFit_IsRefused(string delegated, ulong id) =>
        Assert.False(LanSubnet.TryFrom(IPNetwork.Parse(delegated), id, out _));

    [Theory]
    [InlineData("2001:db8:a::/56", 256UL)]
    [InlineData("2001:db8:a::/48", 65536UL)]
    [InlineData("2001:db8:a:1::/64", 1UL)]
    [InlineData("2001:db8:a::/72", 0UL)]
    [InlineData("::/0", ulong.MaxValue)]
    public void Count(string delegated, ulong count) => Assert.Equal(count, LanSubnet.Count(IPNetwork.Parse(delegated)));

    [Fact]
    public void Delegation_RemainingLifetimes_CountDownFromWhenItWasObtained()
    {
        var time = new FakeTimeProvider(ClientHarness.T0);
        var d = new Delegation(IPNetwork.Parse("2001:db8:a::/56"), 1800, 3600, time.GetUtcNow(), time.GetTimestamp());
        time.Advance(TimeSpan.FromSeconds(1000.5));
        Assert.Equal((800u, 2600u), (d.PreferredRemaining(time), d.ValidRemaining(time)));
        time.Advance(TimeSpan.FromSeconds(1000));
        Assert.Equal((0u, 1600u), (d.PreferredRemaining(time), d.ValidRemaining(time))); // deprecated, still valid
        Assert.True(d.IsValid(time));
        time.Advance(TimeSpan.FromSeconds(1600));
        Assert.False(d.IsValid(time));
        var forever = d with { PreferredLifetime = Dhcpv6Constants.Infinity, ValidLifetime = Dhcpv6Constants.Infinity };
        Assert.Equal(Dhcpv6Constants.Infinity, forever.ValidRemaining(time)); // §7.7: infinity never counts down
    }
}
