using System.Net;
using System.Net.NetworkInformation;
using DualHome.ControlPlane.Peers;
using DualHome.Daemon.Control;
using DualHome.Wire.Nd;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.Daemon.Tests;

/// <summary>The peers' lines in `show status` (issue 10).</summary>
public sealed class PeerReportTests
{
    [Fact]
    public void Each_peer_is_one_line_with_mac_state_and_prefixes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var table = new PeerTable(time, [IPNetwork.Parse("2001:db8:a:1::/64")]);
        Assert.Equal("peers: none heard", PeerReport.Text(table, time.GetUtcNow()));
        table.OnAdvertisement(IPAddress.Parse("fe80::b"), new Wire.Nd.RouterAdvertisement
        {
            RouterLifetime = 1800,
            SourceLinkLayerAddress = PhysicalAddress.Parse("02-00-00-00-00-0B"),
            Prefixes = [new PrefixInformation(IPNetwork.Parse("2001:db8:b:1::/64"), true, true, 5400, 0)],
        });
        time.Advance(TimeSpan.FromSeconds(400));
        Assert.Equal("peer fe80::b (02:00:00:00:00:0b): alive, router lifetime 1800 s; 2001:db8:b:1::/64 (deprecated, valid 5000 s left); no heartbeats (RAs only)",
            PeerReport.Text(table, time.GetUtcNow()));
        table.OnHeartbeat(IPAddress.Parse("fe80::b"), new Wire.Peers.PeerHeartbeat(100, 7,
            [new Wire.Peers.HeartbeatPrefix(IPAddress.Parse("2001:db8:b:1::1"), 64, false)]));
        time.Advance(TimeSpan.FromMilliseconds(40));
        Assert.EndsWith("; heartbeat every 100 ms, last 40 ms ago; forwards 2001:db8:b:1::/64 via 2001:db8:b:1::1 (ISP down)",
            PeerReport.Text(table, time.GetUtcNow()));
        Assert.Equal("", PeerReport.Text(null, time.GetUtcNow()));
    }
}
