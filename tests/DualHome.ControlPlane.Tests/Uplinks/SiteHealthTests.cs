using DualHome.ControlPlane.Uplinks;
using Microsoft.Extensions.Logging.Abstractions;
using static DualHome.ControlPlane.Tests.Uplinks.TestUplinks;

namespace DualHome.ControlPlane.Tests.Uplinks;

public class SiteHealthTests
{
    private readonly SimulatedTime _time = new(T0);
    private readonly FakeIsp _ispA, _ispB;
    private readonly SiteHealth _site;
    private readonly List<UplinkChange> _changes = [];

    public SiteHealthTests()
    {
        (_ispA, _ispB) = (new FakeIsp(_time), new FakeIsp(_time));
        _site = new SiteHealth([Monitor("isp-a", _ispA, 1), Monitor("isp-b", _ispB, 2)]);
        _site.UplinkChanged += _changes.Add;
    }

    private UplinkMonitor Monitor(string name, FakeIsp isp, ushort id)
    {
        var monitor = new UplinkMonitor(Uplink(name), id, isp, _time, new Random(id), NullLogger.Instance);
        isp.Replies = monitor.OnEchoReply;
        return monitor;
    }

    [Fact]
    public void SnapshotListsEveryUplinkInOrderWithWhatIsAdvertised()
    {
        _site.Start();
        Assert.Equal([("isp-a", false), ("isp-b", false)], _site.Snapshot());
        _time.Run(TimeSpan.FromSeconds(1));
        Assert.Equal([("isp-a", true), ("isp-b", true)], _site.Snapshot());
        _ispA.Dead = true;
        _time.Run(TimeSpan.FromSeconds(1));
        Assert.Equal([("isp-a", false), ("isp-b", true)], _site.Snapshot());
        Assert.True(_site.AnyPreferred);
    }

    [Fact]
    public void OneStreamCarriesEveryUplinksChanges()
    {
        _site.Start();
        _time.Run(TimeSpan.FromSeconds(1));
        _ispA.Dead = true;
        _time.Run(TimeSpan.FromSeconds(1));
        _site.Find("isp-b")!.OnCarrier(false);
        var stream = _changes.Select(c => (c.Uplink, c.NewState)).ToList();
        // The two uplinks come up in either order (their jitter differs); then A fails silently, B by carrier.
        Assert.Equal([("isp-a", UplinkState.Up), ("isp-b", UplinkState.Up)], stream.Take(2).Order());
        Assert.Equal([("isp-a", UplinkState.Down), ("isp-b", UplinkState.Down)], stream.Skip(2));
        Assert.False(_site.AnyPreferred); // RFC 7084: the RA engine sends router lifetime 0
    }

    [Fact]
    public void ASubscriberMayRebuildFromTheSnapshotWhileHandlingAChange()
    {
        var rebuilt = new List<IReadOnlyList<(string, bool)>>();
        _site.UplinkChanged += _ => rebuilt.Add(_site.Snapshot());
        _site.Start();
        _time.Run(TimeSpan.FromSeconds(1));
        _site.Find("isp-a")!.SetOverride(UplinkOverride.ForceDown);
        Assert.Equal([("isp-a", false), ("isp-b", true)], rebuilt[^1]);
        Assert.Null(_site.Find("isp-c"));
    }
}
