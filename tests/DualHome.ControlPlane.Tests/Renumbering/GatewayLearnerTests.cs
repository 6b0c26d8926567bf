using System.Net;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.ControlPlane.Renumbering;
using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Messages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.ControlPlane.Tests.Renumbering;

/// <summary>The uplink's gateway from the ISP's RAs (issue 8), as RFC 4861 §6.3.4 keeps a default router list.</summary>
public sealed class GatewayLearnerTests : IDisposable
{
    private static readonly IPAddress Isp1 = IPAddress.Parse("fe80::1"), Isp2 = IPAddress.Parse("fe80::99");
    private static readonly IPAddress AllNodes = IPAddress.Parse("ff02::1");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingNdLink _link;
    private readonly GatewayLearner _learner;
    private readonly List<(IPAddress? Old, IPAddress? New)> _changes = [];

    public GatewayLearnerTests()
    {
        _link = new RecordingNdLink(_time);
        _learner = new GatewayLearner("a", _link, _time, NullLogger.Instance);
        _learner.Changed += (o, n) => _changes.Add((o, n));
    }

    public void Dispose() => _learner.Dispose();

    private static byte[] Ra(ushort lifetime)
    {
        var ra = new Wire.Nd.RouterAdvertisement { CurHopLimit = 64, RouterLifetime = lifetime };
        var bytes = new byte[RouterAdvertisementWriter.Measure(ra)];
        RouterAdvertisementWriter.Write(ra, bytes);
        return bytes;
    }

    private void Hear(IPAddress from, ushort lifetime, byte hopLimit = 255) =>
        _learner.OnReceived(Ra(lifetime), new NdReceiveContext(from, AllNodes, hopLimit));

    [Fact]
    public void Solicits_three_times_four_seconds_apart_until_a_router_answers()
    {
        _learner.Start();
        _time.Advance(TimeSpan.FromSeconds(4));
        _time.Advance(TimeSpan.FromSeconds(4));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(3, _link.Sent.Count); // RFC 4861 §6.3.7: MAX_RTR_SOLICITATIONS, RTR_SOLICITATION_INTERVAL
        Assert.All(_link.Sent, s => Assert.Equal("ff02::2", s.To.ToString()));
        Assert.Equal(133, _link.Sent[0].Packet[0]);
        Assert.Equal([(TimeSpan)default, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)],
            _link.Sent.Select(s => s.At - _link.Sent[0].At));
    }

    [Fact]
    public void The_first_router_heard_is_the_gateway_until_its_lifetime_ends()
    {
        _learner.Start();
        Hear(Isp1, 30);
        Assert.Equal(Isp1, _learner.Gateway);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Single(_link.Sent); // no more solicitations once a router is known
        Hear(Isp2, 1800);
        Assert.Equal(Isp1, _learner.Gateway); // the one in use stays while it lives
        _time.Advance(TimeSpan.FromSeconds(20)); // Isp1's 30 s run out without a new RA
        Assert.Equal(Isp2, _learner.Gateway);
        Assert.Equal([(null, Isp1), (Isp1, Isp2)], _changes);
    }

    [Fact]
    public void Router_lifetime_zero_removes_the_router()
    {
        Hear(Isp1, 1800);
        Hear(Isp1, 0); // RFC 4861 §6.3.4: lifetime 0 = no longer a default router
        Assert.Null(_learner.Gateway);
        Assert.Equal([(null, Isp1), (Isp1, null)], _changes);
    }

    [Fact]
    public void A_refreshed_router_stays_past_its_first_lifetime()
    {
        Hear(Isp1, 30);
        _time.Advance(TimeSpan.FromSeconds(25));
        Hear(Isp1, 30);
        _time.Advance(TimeSpan.FromSeconds(25));
        Assert.Equal(Isp1, _learner.Gateway);
        Assert.Single(_changes);
    }

    [Fact]
    public void Invalid_advertisements_are_counted_and_ignored()
    {
        Hear(Isp1, 1800, hopLimit: 254);                   // RFC 4861 §6.1.2: hop limit must be 255
        Hear(IPAddress.Parse("2001:db8:a::1"), 1800);      // and the source link-local
        _learner.OnReceived([134, 0], new NdReceiveContext(Isp1, AllNodes, 255));
        Assert.Null(_learner.Gateway);
        Assert.Equal(3, _learner.Counters.TotalDrops);
        Assert.Empty(_changes);
    }
}
