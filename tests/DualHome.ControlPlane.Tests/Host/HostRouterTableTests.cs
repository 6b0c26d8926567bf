using System.Net;
using DualHome.ControlPlane.Host;
using DualHome.Wire.Nd;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.ControlPlane.Tests.Host;

/// <summary>Issue 11, RFC 8028 on the host: each prefix's packets go to a router that advertised it.</summary>
public sealed class HostRouterTableTests
{
    private static readonly IPNetwork A = IPNetwork.Parse("2001:db8:a:1::/64"), B = IPNetwork.Parse("2001:db8:b:1::/64");
    private static readonly IPAddress RouterA = IPAddress.Parse("fe80::a"), RouterB = IPAddress.Parse("fe80::b");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    private static Wire.Nd.RouterAdvertisement Ra(ushort lifetime, RouterPreference preference, params PrefixInformation[] prefixes) =>
        new() { RouterLifetime = lifetime, Preference = preference, Prefixes = prefixes };

    private static PrefixInformation Pio(IPNetwork p, uint preferred = 2700, uint valid = 5400) => new(p, true, true, valid, preferred);

    [Fact]
    public void Each_prefix_goes_to_the_router_that_advertised_it_whatever_the_default_router()
    {
        var table = new HostRouterTable(_time);
        table.OnAdvertisement(RouterA, Ra(1800, RouterPreference.Low, Pio(A)));
        table.OnAdvertisement(new IPAddress(RouterB.GetAddressBytes(), 3), Ra(1800, RouterPreference.High, Pio(B)));
        Assert.Equal([new HostRoute(A, RouterA), new HostRoute(B, RouterB)], table.Routes());
    }

    [Fact]
    public void A_router_deprecating_a_prefix_on_anothers_behalf_loses_to_the_one_that_prefers_it()
    {
        var table = new HostRouterTable(_time);
        table.OnAdvertisement(RouterB, Ra(1800, RouterPreference.High, Pio(B), Pio(A, preferred: 0)));
        Assert.Equal(RouterB, table.Routes().Single(r => r.Prefix == A).Router); // only B speaks for A: A is dead
        table.OnAdvertisement(RouterA, Ra(1800, RouterPreference.Low, Pio(A)));
        Assert.Equal(RouterA, table.Routes().Single(r => r.Prefix == A).Router);
    }

    [Fact]
    public void A_router_whose_lifetime_ran_out_or_that_dropped_the_prefix_is_not_used()
    {
        var table = new HostRouterTable(_time);
        table.OnAdvertisement(RouterA, Ra(30, RouterPreference.Medium, Pio(A)));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(table.Routes());
        table.OnAdvertisement(RouterA, Ra(30, RouterPreference.Medium, Pio(A)));
        table.OnAdvertisement(RouterA, Ra(30, RouterPreference.Medium, Pio(B)));
        Assert.Equal([new HostRoute(B, RouterA)], table.Routes());
    }

    [Fact]
    public void Preferred_left_counts_down_from_the_last_ra()
    {
        var table = new HostRouterTable(_time);
        table.OnAdvertisement(RouterA, Ra(1800, RouterPreference.Medium, Pio(A, preferred: 100)));
        _time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(60u, table.PreferredLeft(A));
        Assert.Equal(0u, table.PreferredLeft(B));
    }

    /// <summary>From the socket: an RA (Linux radvd-like, hop limit 255 from a link-local source) is taken in and
    /// announced; a malformed one is counted and changes nothing.</summary>
    [Fact]
    public void Datagrams_from_the_socket_are_checked_before_they_count()
    {
        var table = new HostRouterTable(_time);
        int heard = 0;
        table.Advertised += () => heard++;
        var buffer = new byte[200];
        var ra = buffer.AsSpan(0, Wire.Nd.Messages.RouterAdvertisementWriter.Write(Ra(1800, RouterPreference.Medium, Pio(A)), buffer)).ToArray();
        var context = new ControlPlane.RouterAdvertisement.NdReceiveContext(RouterA, IPAddress.Parse("ff02::1"), 255);
        table.OnReceived(ra, context);
        Assert.Equal([new HostRoute(A, RouterA)], table.Routes());
        Assert.Equal(1, heard);
        table.OnReceived(ra, context with { HopLimit = 64 }); // RFC 4861 §6.1.2: not from this link
        table.OnReceived(ra.AsSpan(0, 10), context);
        Assert.Equal(1, heard);
        Assert.True(table.Counters.TotalDrops >= 2, "the refused RAs were not counted");
    }

    [Fact]
    public void The_table_is_bounded()
    {
        var table = new HostRouterTable(_time);
        for (int i = 1; i <= HostRouterTable.MaxRouters + 3; i++)
            table.OnAdvertisement(IPAddress.Parse($"fe80::{i:x}"), Ra(1800, RouterPreference.Medium, Pio(IPNetwork.Parse($"2001:db8:{i:x}::/64"))));
        Assert.Equal(HostRouterTable.MaxRouters, table.Routes().Count);
    }
}
