using System.Net;
using DualHome.Config.Host;
using DualHome.ControlPlane.Host;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.Daemon.Platform;
using DualHome.Linux;
using DualHome.Linux.Netlink;
using DualHome.Linux.Netlink.Mptcp;
using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Messages;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Host;

/// <summary>
/// `dualhomed host` (issue 11) on a Linux host of the site: learns the routers and their prefixes from RAs and sends
/// each source to the router that advertised its prefix (RFC 8028); probes the path through each prefix from the host's
/// own address in it; deprecates an address locally when its exit is dead or clearly worse; keeps one MPTCP subflow
/// endpoint per working address. Decides again on every RA, every exit up/down, and twice a second (quality).
/// </summary>
public sealed class HostAgent : IDisposable
{
    private static readonly IPAddress AllRouters = IPAddress.Parse("ff02::2");
    private static readonly TimeSpan Cadence = TimeSpan.FromMilliseconds(500);
    private readonly HostConfig _config;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private readonly HostRouterTable _routers = new(TimeProvider.System);
    private readonly ExitChooser _chooser;
    private readonly Rtnetlink _netlink;
    private readonly int _index;
    private readonly HostRoutes _routes;
    private readonly AddressLifetimes _lifetimes;
    private readonly MptcpEndpoints? _mptcp;
    private readonly Dictionary<IPNetwork, HostExit> _exits = [];
    private readonly Dictionary<IPNetwork, ExitUse> _uses = [];
    private readonly NdSocketLink _nd;
    private IDisposable? _receive;
    private Timer? _timer;
    private ushort _identifier = (ushort)Random.Shared.Next(0x1000, 0xf000);
    private bool _stopped;

    public HostAgent(HostConfig config, ILogger log)
    {
        (_config, _log, _chooser) = (config, log, new ExitChooser(config.Exit));
        _netlink = Rtnetlink.Open();
        _index = _netlink.GetLink(config.Interface).Index;
        _routes = new HostRoutes(new LinuxNetworkSystem(), config.Interface, log);
        _lifetimes = new AddressLifetimes(_netlink, _index, _routers, log);
        _mptcp = config.Mptcp.Enabled ? new MptcpEndpoints(MptcpPathManager.Open(), _index, config.Mptcp.MaxSubflows, log) : null;
        _nd = NdSocketLink.Open(config.Interface, [134]); // RAs only: the kernel keeps doing SLAAC itself
    }

    public void Start()
    {
        HostLog.Started(_log, _config.Interface, string.Join(", ", _config.Probe.Targets), _config.Probe.Interval.TotalMilliseconds,
            _config.Mptcp.Enabled ? $"subflow endpoints, up to {_config.Mptcp.MaxSubflows} subflows" : "off", _config.Exit.Enabled ? "auto" : "off");
        _mptcp?.RaiseLimits();
        // An RA may have given a locally deprecated address its preferred lifetime back: decide again at once.
        _routers.Advertised += Reconcile;
        _receive = _nd.StartReceiving(_routers);
        Solicit(); // RFC 4861 §6.3.7: so the routers need not be waited for (their RAs may be minutes apart)
        _timer = new Timer(_ => Reconcile(), null, TimeSpan.Zero, Cadence);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _receive?.Dispose();
        lock (_gate)
        {
            _stopped = true;
            foreach (var exit in _exits.Values) exit.Dispose();
            _routes.Dispose();
            _lifetimes.Restore(Addresses());
            _mptcp?.Dispose();
        }
        _nd.Dispose();
        _netlink.Dispose();
        HostLog.Stopped(_log);
    }

    private void Reconcile()
    {
        lock (_gate)
        {
            if (_stopped) return;
            try { ReconcileLocked(); }
            catch (NativeErrorException e) { HostLog.Failed(_log, "read the interface's addresses", e.Message); }
        }
    }

    private void ReconcileLocked()
    {
        var addresses = Addresses();
        var routes = _routers.Routes();
        _routes.Apply(routes);
        var wanted = routes.Select(r => (Route: r, Address: addresses.FirstOrDefault(a => r.Prefix.Contains(a.Address))))
            .Where(x => x.Address is not null).ToList();
        Follow(wanted.Select(w => (w.Route, w.Address!.Address)).ToList());
        var uses = _chooser.Decide([.. _exits.Values.Select(e => new ExitView(e.Prefix, e.Up, e.Read(q => q.Snapshot())))]);
        foreach (var (route, address) in wanted)
            if (uses.TryGetValue(route.Prefix, out var use)) Use(_exits[route.Prefix], address!, use);
        _mptcp?.Apply(_exits.Values.ToDictionary(e => e.Address, e => uses[e.Prefix]));
    }

    /// <summary>One exit per advertised prefix the host has an address in; a new address (renumbered) is a new exit.</summary>
    private void Follow(List<(HostRoute Route, IPAddress Address)> wanted)
    {
        foreach (var (prefix, exit) in _exits.ToList())
            if (!wanted.Any(w => w.Route.Prefix == prefix && w.Address.Equals(exit.Address)))
            {
                exit.Dispose();
                _exits.Remove(prefix);
                _uses.Remove(prefix);
            }
        foreach (var (route, address) in wanted.Where(w => !_exits.ContainsKey(w.Route.Prefix)))
        {
            var exit = HostExit.Start(route.Prefix, address, _config, route.Router, _identifier++, _log);
            exit.Changed += () => ThreadPool.QueueUserWorkItem(_ => Reconcile());
            _exits[route.Prefix] = exit;
        }
    }

    private void Use(HostExit exit, InterfaceAddress address, ExitUse use)
    {
        bool known = _uses.TryGetValue(exit.Prefix, out var old);
        if (!known || old != use)
            HostLog.ExitChanged(_log, exit.Prefix.ToString(), exit.Address.ToString(), known ? old.ToString() : "new", use.ToString(), exit.Read(q => q.ToString()));
        _uses[exit.Prefix] = use;
        _lifetimes.Apply(address, exit.Prefix, use);
    }

    private List<InterfaceAddress> Addresses() =>
        [.. _netlink.GetAddresses(_index).Where(a => !a.Address.IsIPv6LinkLocal && !a.Address.IsIPv6Multicast && a.IsUsable)];

    private void Solicit()
    {
        var rs = new RouterSolicitation(null);
        var bytes = new byte[RouterSolicitationWriter.Measure(rs)];
        RouterSolicitationWriter.Write(rs, bytes);
        try { _nd.Send(bytes, AllRouters); }
        catch (IOException e) { HostLog.Failed(_log, "send a Router Solicitation", e.Message); }
    }
}
