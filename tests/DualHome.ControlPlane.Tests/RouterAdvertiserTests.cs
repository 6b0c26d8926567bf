using System.Net;
using System.Net.NetworkInformation;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.Wire.Nd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ra = DualHome.Wire.Nd.RouterAdvertisement;

namespace DualHome.ControlPlane.Tests;

public class RouterAdvertiserTests
{
    private static readonly IPAddress Host = IPAddress.Parse("fe80::2");
    private static readonly IPAddress AllRouters = IPAddress.Parse("ff02::2");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RecordingNdLink _link;
    private readonly RouterAdvertiser _engine;

    public RouterAdvertiserTests()
    {
        _link = new RecordingNdLink(_time);
        var scheduler = new RaScheduler(TimeSpan.FromSeconds(200), TimeSpan.FromSeconds(600), new Random(3));
        _engine = new RouterAdvertiser(_link, scheduler, _time, NullLogger.Instance);
    }

    private static Ra Content(uint preferredA = 2700) => new()
    {
        RouterLifetime = 1800,
        DnsServers = [new RecursiveDnsServers(1800, [IPAddress.Parse("2001:db8:a:1::53")])],
        SourceLinkLayerAddress = PhysicalAddress.Parse("02-00-00-00-00-01"),
        Prefixes =
        [
            new PrefixInformation(IPNetwork.Parse("2001:db8:a:1::/64"), true, true, 5400, preferredA),
            new PrefixInformation(IPNetwork.Parse("2001:db8:b:1::/64"), true, true, 5400, 2700),
        ],
    };

    private static Ra Parse(byte[] packet)
    {
        var ctx = NdPacketContext.FromRawSocket(255, IPAddress.Parse("fe80::1"), IPAddress.Parse("ff02::1"));
        Assert.Equal(NdReadResult.Ok, NdReader.TryRead(packet, ctx, out Ra? ra));
        return ra!;
    }

    private static readonly byte[] ValidRs = [133, 0, 0, 0, 0, 0, 0, 0];

    [Fact]
    public void StartSendsAParsableRaAtOnceAndTheInitialOnesWithin16Seconds()
    {
        _engine.Start(Content());
        Assert.Single(_link.Sent);
        Assert.Equal(2, Parse(_link.Sent[0].Packet).Prefixes.Count);
        _time.Advance(TimeSpan.FromSeconds(16));
        _time.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(3, _link.Sent.Count);
        Assert.All(_link.Sent, s => Assert.Equal(RaSend.AllNodes, s.To));
    }

    [Fact]
    public void ChangedContentIsSentImmediatelyAndSameContentIsNot()
    {
        _engine.Start(Content());
        _time.Advance(TimeSpan.FromSeconds(1));
        _engine.Update(Content());
        Assert.Single(_link.Sent);
        _engine.Update(Content(preferredA: 0));
        Assert.Equal(2, _link.Sent.Count);
        Assert.Equal(0u, Parse(_link.Sent[1].Packet).Prefixes[0].PreferredLifetime);
    }

    [Fact]
    public void ValidSolicitationIsAnsweredWithinHalfASecond()
    {
        _engine.Start(Content());
        _time.Advance(TimeSpan.FromSeconds(100));
        int before = _link.Sent.Count;
        _engine.OnReceived(ValidRs, new NdReceiveContext(Host, AllRouters, 255));
        _time.Advance(RouterConstants.MaxRaDelayTime);
        Assert.Equal(before + 1, _link.Sent.Count);
        Assert.Equal(1, _engine.Counters.Solicitations);
    }

    [Fact]
    public void SolicitationWithWrongHopLimitIsDroppedAndCounted()
    {
        _engine.Start(Content());
        _time.Advance(TimeSpan.FromSeconds(100));
        int before = _link.Sent.Count;
        for (int i = 0; i < 5; i++)
            _engine.OnReceived(ValidRs, new NdReceiveContext(Host, AllRouters, 254));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(before, _link.Sent.Count);
        Assert.Equal(5, _engine.Counters.Drops[NdReadResult.BadHopLimit.ToStableName()]);
    }

    [Fact]
    public void GarbageNeverThrows()
    {
        _engine.Start(Content());
        var random = new Random(5);
        for (int i = 0; i < 5000; i++)
        {
            var junk = new byte[random.Next(0, 64)];
            random.NextBytes(junk);
            if (junk.Length > 0 && random.Next(2) == 0) junk[0] = (byte)random.Next(133, 137);
            _engine.OnReceived(junk, new NdReceiveContext(Host, AllRouters, (byte)random.Next(250, 256)));
        }
        Assert.True(_engine.Counters.TotalDrops > 4000);
    }

    [Fact]
    public async Task StopSendsThreeFinalRasWithRouterLifetimeZero()
    {
        _engine.Start(Content());
        _link.Sent.Clear();
        var stop = _engine.StopAsync(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        _time.Advance(TimeSpan.FromMilliseconds(50));
        await stop;
        Assert.Equal(3, _link.Sent.Count);
        Assert.All(_link.Sent, s => Assert.Equal(0, Parse(s.Packet).RouterLifetime));
        Assert.All(_link.Sent, s => Assert.All(Parse(s.Packet).DnsServers, d => Assert.Equal(0u, d.Lifetime)));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(3, _link.Sent.Count); // nothing after the final ones
    }

    [Fact]
    public void SendFailureIsCountedAndTheEngineKeepsGoing()
    {
        _link.Fail = true;
        _engine.Start(Content());
        Assert.Equal(1, _engine.Counters.SendErrors);
        _link.Fail = false;
        _time.Advance(TimeSpan.FromSeconds(16));
        Assert.Single(_link.Sent);
    }
}
