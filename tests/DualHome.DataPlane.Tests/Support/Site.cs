using System.Net;
using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Forwarding;
using DualHome.DataPlane.Icmp;
using DualHome.Wire.Ethernet;

namespace DualHome.DataPlane.Tests.Support;

/// <summary>
/// The testbed topology (shared/notes/testbed.md) as a forwarder configuration: LAN lan0 with 2001:db8:a:1::/64 and
/// 2001:db8:b:1::/64; uplink 0 "wana" to ISP A (2001:db8:a::/48), uplink 1 "wanb" to ISP B (2001:db8:b::/48,
/// MTU 1480); gateways fe80::1. MACs from the RFC 7042 documentation range.
/// </summary>
public sealed class Site
{
    public const string RouterMac = "00:00:5e:00:53:01", HostMac = "00:00:5e:00:53:02";
    public const string WanAMac = "00:00:5e:00:53:a1", GatewayAMac = "00:00:5e:00:53:a0";
    public const string WanBMac = "00:00:5e:00:53:b1", GatewayBMac = "00:00:5e:00:53:b0";
    public const string HostA = "2001:db8:a:1::1234", HostB = "2001:db8:b:1::1234", Server = "2001:db8:ffff::1";
    public const string RouterA = "2001:db8:a:1::1", RouterB = "2001:db8:b:1::1";
    public const int WanBMtu = 1480;

    public FakeNeighbors LanNeighbors { get; } = new FakeNeighbors().Add(HostA, HostMac).Add(HostB, HostMac);
    public FakeNeighbors WanANeighbors { get; } = new FakeNeighbors().Add("fe80::1", GatewayAMac);
    public FakeNeighbors WanBNeighbors { get; } = new FakeNeighbors().Add("fe80::1", GatewayBMac);
    public DropCounters Drops { get; }
    public Forwarder Forwarder { get; }

    public Site(double icmpRate = 1e9, int icmpBurst = 1_000_000)
    {
        ForwarderConfig config = Config();
        Drops = new DropCounters(config.PortNames);
        Forwarder = new Forwarder(config, Drops, new IcmpRateLimiter(icmpRate, icmpBurst, TimeSpan.TicksPerSecond));
    }

    public static Port WanA => Port.Uplink(0);
    public static Port WanB => Port.Uplink(1);

    public ForwardDecision Classify(byte[] frame, Port ingress) => Forwarder.Classify(frame, ingress);

    public void SetUp(int uplink, bool up) => Forwarder.Reconfigure(Forwarder.Config.WithUplinkUp(uplink, up));

    private ForwarderConfig Config() => new(
        new PortConfig("lan0", Mac.Parse(RouterMac), 1500, IPAddress.Parse(RouterA), LanNeighbors),
        [
            new UplinkConfig(new PortConfig("wana", Mac.Parse(WanAMac), 1500, IPAddress.Parse(RouterA), WanANeighbors), IPAddress.Parse("fe80::1"), isUp: true),
            new UplinkConfig(new PortConfig("wanb", Mac.Parse(WanBMac), WanBMtu, IPAddress.Parse(RouterB), WanBNeighbors), IPAddress.Parse("fe80::1"), isUp: true),
        ],
        [new SitePrefix(IPNetwork.Parse("2001:db8:a::/48"), 0), new SitePrefix(IPNetwork.Parse("2001:db8:b::/48"), 1)],
        [IPNetwork.Parse("2001:db8:a:1::/64"), IPNetwork.Parse("2001:db8:b:1::/64")],
        [IPAddress.Parse(RouterA), IPAddress.Parse(RouterB)]);
}
