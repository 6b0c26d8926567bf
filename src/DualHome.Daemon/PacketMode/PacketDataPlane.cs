using System.Net;
using DualHome.Config;
using DualHome.ControlPlane.Routing;
using DualHome.ControlPlane.Uplinks;
using DualHome.DataPlane;
using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Forwarding;
using DualHome.DataPlane.Icmp;
using DualHome.DataPlane.Neighbors;
using DualHome.Linux.Netlink;
using DualHome.Linux.Packet;
using DualHome.Wire.Ethernet;
using Microsoft.Extensions.Logging;
using ForwarderUplink = DualHome.DataPlane.Forwarding.UplinkConfig;

namespace DualHome.Daemon.PacketMode;

/// <summary>
/// Packet mode (<c>DataPlane.Mode: "packet"</c>): the daemon forwards between the LAN and the uplinks with AF_PACKET
/// rings while the kernel's forwarding is off (SiteSetup). Start order: read the ports, set their offloads (GRO on, or all off), mirror
/// the kernel's neighbour cache, start the workers; each uplink's health flips its "up" bit in the forwarder, so a
/// source in a dead ISP's prefix is answered with ICMPv6 code 5. Dispose undoes it in reverse.
/// </summary>
public sealed class PacketDataPlane : IDisposable
{
    /// <summary>RFC 4443 §2.4 (f): a rate limit on ICMPv6 errors; Linux's default is one per ms per destination
    /// with a burst; ours is global (the worker does not keep per-destination state): 1000/s, burst 100.</summary>
    private const double IcmpPerSecond = 1000;
    private const int IcmpBurst = 100;

    /// <summary>Per port, the offloads the daemon switched and which way, so Dispose switches exactly them back.</summary>
    private readonly List<(string Name, OffloadFeatures Features, bool TurnedOn)> _offloads = [];
    private readonly object _gate = new();
    private readonly ILogger _log;
    private string[] _uplinkNames = [];
    private KernelNeighbors? _neighbors;
    private WorkerPool? _workers;
    private KernelIngressDrop? _ingressDrop;

    private PacketDataPlane(ILogger log) => _log = log;

    public Forwarder? Forwarder { get; private set; }

    public static PacketDataPlane Start(SiteConfig config, SiteHealth health, ILogger log)
    {
        var plane = new PacketDataPlane(log);
        try
        {
            plane.StartUp(config, health);
            return plane;
        }
        catch
        {
            plane.Dispose();
            throw;
        }
    }

    public string CountersText() => DataPlaneReport.Text(Forwarder, _workers, _neighbors, _ingressDrop?.Hook);

    public void Dispose()
    {
        _ingressDrop?.Dispose(); // first: no frame may be dropped for the workers once they stop
        _workers?.Dispose();
        _neighbors?.Dispose();
        foreach (var (name, features, turnedOn) in _offloads)
        {
            try
            {
                if (turnedOn) Offloads.Disable(name, features);
                else Offloads.Enable(name, features);
            }
            catch (IOException e) { DataPlaneLog.OffloadRestoreFailed(_log, name, e.Message); }
        }
    }

    private void StartUp(SiteConfig config, SiteHealth health)
    {
        List<PortFacts> ports;
        using (var netlink = Rtnetlink.Open())
            ports = [.. new[] { config.Lan.Interface }.Concat(config.Uplinks.Select(u => u.Interface)).Select(n => PortFacts.Read(netlink, n))];
        SetOffloads(ports, config.DataPlane.CarriesOffloads);
        var caches = ports.Select(_ => new NeighborCache()).ToList();
        _neighbors = new KernelNeighbors([.. ports.Zip(caches, (p, c) => (p.Index, c))]);
        _neighbors.Start();
        var forwarderConfig = BuildConfig(config, ports, caches, health);
        Forwarder = new Forwarder(forwarderConfig, new DropCounters(forwarderConfig.PortNames),
            new IcmpRateLimiter(IcmpPerSecond, IcmpBurst, TimeProvider.System.TimestampFrequency));
        _uplinkNames = [.. config.Uplinks.Select(u => u.Name)];
        health.UplinkChanged += change => SetUp(change.Uplink, Forwards(change.NewState));
        _workers = WorkerPool.Start(Forwarder, ports, config.DataPlane, _neighbors, _log);
        if (config.DataPlane.IngressDrop) // after the workers: their taps must be open before frames are dropped
            _ingressDrop = KernelIngressDrop.TryStart(ports, [.. SiteSetup.Numbered(config).Select(n => SiteSetup.RouterAddress(n.Prefix))], _log);
        DataPlaneLog.Started(_log, config.DataPlane.Workers, string.Join(", ", ports.Select(p => p.Name)));
    }

    /// <summary>
    /// Carried (README, "Packet mode and offloads"): GRO on, so a TCP flow reaches the workers as 64 KiB super-frames
    /// and one forward moves up to 44 wire frames; GRO is what a kernel router has on its NICs by default, and veth,
    /// the testbed's, has it off. Off: no super-frames and no pending checksums, every frame a wire frame.
    /// </summary>
    private void SetOffloads(IEnumerable<PortFacts> ports, bool carry)
    {
        foreach (var port in ports)
        {
            if (!carry)
            {
                _offloads.Add((port.Name, Offloads.Disable(port.Name), false));
                continue;
            }
            try
            {
                var wasOff = ~Offloads.Get(port.Name, OffloadFeatures.Gro) & OffloadFeatures.Gro;
                Offloads.Enable(port.Name, wasOff);
                _offloads.Add((port.Name, wasOff, true));
            }
            catch (IOException e)
            {
                DataPlaneLog.GroRefused(_log, port.Name, e.Message);
            }
        }
    }

    private static ForwarderConfig BuildConfig(SiteConfig config, List<PortFacts> ports, List<NeighborCache> caches, SiteHealth health)
    {
        var numbered = SiteSetup.Numbered(config).ToList();
        // ICMPv6 errors need a source; with no prefix delegated yet, nothing is forwarded that could cause one.
        var fallback = numbered.Count > 0 ? SiteSetup.RouterAddress(numbered[0].Prefix) : IPAddress.IPv6Any;
        IPAddress Own(IPNetwork? prefix) => prefix is { } p ? SiteSetup.RouterAddress(p) : fallback;
        var lan = new PortConfig(ports[0].Name, ports[0].Mac, ports[0].Mtu, fallback, caches[0]);
        var uplinks = config.Uplinks.Select((u, i) => new ForwarderUplink(
            new PortConfig(ports[i + 1].Name, ports[i + 1].Mac, ports[i + 1].Mtu, Own(u.LanPrefix), caches[i + 1]),
            u.Gateway ?? IPAddress.IPv6Any, Forwards(health.Find(u.Name)?.Current.State))).ToList();
        return new ForwarderConfig(lan, uplinks,
            config.Uplinks.Select((u, i) => (u.LanPrefix, i)).Where(x => x.LanPrefix is not null && config.Uplinks[x.i].Gateway is not null).Select(x => new SitePrefix(x.LanPrefix!.Value, x.i)),
            numbered.Select(n => n.Prefix),
            ports.SelectMany(p => p.Addresses).Where(a => !a.IsIPv6LinkLocal).Concat(numbered.Select(n => SiteSetup.RouterAddress(n.Prefix))).Distinct());
    }

    /// <summary>Only an ISP known to be dead gets code 5. An uplink on standby (the button's force-down) still works:
    /// its hosts' existing connections keep flowing, only new ones move (RFC 8475). Starting counts as working; an
    /// uplink without a monitor (its route failed) does not.</summary>
    private static bool Forwards(UplinkState? state) => state is UplinkState.Starting or UplinkState.Up;

    /// <summary>Issue 10: the peers' prefixes, each to its router's MAC (null: the peer is dead, code 5), and the MACs
    /// of every peer router (a frame from one is never sent to a peer again).</summary>
    public void SetPeers(IEnumerable<(IPNetwork Prefix, System.Net.NetworkInformation.PhysicalAddress? Mac)> nextHops,
        IEnumerable<System.Net.NetworkInformation.PhysicalAddress> peerMacs)
    {
        if (Forwarder is null) return;
        static Mac ToMac(System.Net.NetworkInformation.PhysicalAddress a) => Mac.Read(a.GetAddressBytes());
        lock (_gate)
            Forwarder.Reconfigure(Forwarder.Config.WithPeers(
                nextHops.Select(h => new PeerNextHop(h.Prefix, h.Mac is { } m ? ToMac(m) : null)),
                peerMacs.Where(m => m.GetAddressBytes().Length == Mac.Length).Select(ToMac)));
    }

    private void SetUp(string uplink, bool up)
    {
        int index = Array.IndexOf(_uplinkNames, uplink);
        if (index < 0 || Forwarder is null) return;
        lock (_gate)
        {
            if (Forwarder.Config.Uplinks[index].IsUp == up) return;
            Forwarder.Reconfigure(Forwarder.Config.WithUplinkUp(index, up));
        }
        DataPlaneLog.UplinkForwarding(_log, uplink, up);
    }
}
