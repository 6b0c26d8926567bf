using System.Net;
using System.Net.NetworkInformation;
using DualHome.Config;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Messages;

namespace DualHome.ControlPlane.Tests;

/// <summary>RFC 9096 in the RA: delegated lifetimes cap the PIO (§3.3) and stale prefixes go out with lifetimes 0 (§3.5).</summary>
public class RaRenumberingContentTests
{
    private static readonly PhysicalAddress Mac = PhysicalAddress.Parse("02-00-00-00-00-01");
    private static readonly IPNetwork A = IPNetwork.Parse("2001:db8:a:100::/64");
    private static readonly IPNetwork OldA = IPNetwork.Parse("2001:db8:a:200::/64");

    private static LanConfig Lan() => new("lan0", [], [],
        new RaConfig(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), 30, 2700, 5400, 64, null, RaPreference.Medium));

    [Theory]
    [InlineData(uint.MaxValue, uint.MaxValue, 2700u, 5400u)] // static prefix or infinite delegation: the configured limits
    [InlineData(1200u, 3000u, 1200u, 3000u)]                 // less left than the limits: what is left
    [InlineData(4000u, 300u, 300u, 300u)]                    // preferred never above valid (RFC 4862 §5.5.3 c)
    [InlineData(0u, 0u, 0u, 0u)]
    public void Delegated_lifetimes_cap_the_prefix(uint preferredLeft, uint validLeft, uint preferred, uint valid)
    {
        var ra = RaContentBuilder.Build(Lan(), Mac, 1500, [new UplinkAdvertisement("a", A, true, [], preferredLeft, validLeft)]);
        Assert.Equal(new PrefixInformation(A, true, true, valid, preferred), Assert.Single(ra.Prefixes));
    }

    [Fact]
    public void A_down_delegated_uplink_is_deprecated_with_its_capped_valid_lifetime()
    {
        var ra = RaContentBuilder.Build(Lan(), Mac, 1500, [new UplinkAdvertisement("a", A, false, [], 1200, 3000)]);
        Assert.Equal(new PrefixInformation(A, true, true, 3000, 0), Assert.Single(ra.Prefixes));
    }

    [Fact]
    public void Stale_prefixes_follow_the_current_ones_with_both_lifetimes_zero()
    {
        var ra = RaContentBuilder.Build(Lan(), Mac, 1500, [new UplinkAdvertisement("a", A, true, [])], [OldA]);
        Assert.Equal([new PrefixInformation(A, true, true, 5400, 2700), new PrefixInformation(OldA, true, true, 0, 0)], ra.Prefixes);
        Assert.Equal(30, ra.RouterLifetime); // a stale prefix does not count as a working uplink
    }

    [Fact]
    public void Stale_prefix_on_the_wire_golden()
    {
        var ra = RaContentBuilder.Build(Lan() with { Ra = Lan().Ra with { Mtu = 0 } }, Mac, 0, [], [OldA]);
        var bytes = new byte[200];
        int n = RouterAdvertisementWriter.Write(ra, bytes);
        // RFC 4861 §4.6.2 PIO: type 3, length 4, /64, flags L|A (0xc0), valid 0, preferred 0, reserved, prefix.
        const string Pio = "030440c0" + "00000000" + "00000000" + "00000000" + "20010db8000a02000000000000000000";
        Assert.Contains(Pio, Convert.ToHexString(bytes, 0, n).ToLowerInvariant());
        Assert.Equal(0, ra.RouterLifetime); // no working uplink at all (RFC 7084 G-4)
    }

    /// <summary>Issue 10: a dead peer's prefix goes out deprecated with what is left of its valid lifetime, after the
    /// router's own; one the router advertises itself is never repeated for a peer.</summary>
    [Fact]
    public void A_dead_peers_prefix_is_deprecated_on_its_behalf()
    {
        var peerPrefix = IPNetwork.Parse("2001:db8:b:1::/64");
        var ra = RaContentBuilder.Build(Lan(), Mac, 1500, [new UplinkAdvertisement("a", A, true, [])], [],
            [new ControlPlane.Peers.OnBehalf(peerPrefix, 5123), new ControlPlane.Peers.OnBehalf(A, 100)]);
        Assert.Equal([new PrefixInformation(A, true, true, 5400, 2700), new PrefixInformation(peerPrefix, true, true, 5123, 0)], ra.Prefixes);
        var bytes = new byte[200];
        int n = RouterAdvertisementWriter.Write(ra, bytes);
        // PIO: type 3, length 4, /64, L|A, valid 5123 (0x1403), preferred 0, reserved, 2001:db8:b:1::
        Assert.Contains("030440c0" + "00001403" + "00000000" + "00000000" + "20010db8000b00010000000000000000",
            Convert.ToHexString(bytes, 0, n).ToLowerInvariant());
    }
}
