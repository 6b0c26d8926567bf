using DualHome.Config;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.ControlPlane.Routing;
using DualHome.ControlPlane.Peers;
using DualHome.ControlPlane.Uplinks;
using DualHome.Control;
using DualHome.Daemon.Configuration;
using DualHome.Daemon.Dns;
using DualHome.Daemon.Control;
using DualHome.Daemon.Delegations;
using RouterAdvertisement = DualHome.Wire.Nd.RouterAdvertisement;
using DualHome.Daemon.Logging;
using DualHome.Daemon.PacketMode;
using DualHome.Daemon.Platform;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon;

/// <summary>The composition root of `run`: start order network setup → RA engine → receive loop; stop order
/// final RAs → receive loop → undo the network setup. A committed configuration change applies live when it can
/// (<see cref="LiveChange"/>); otherwise <see cref="RunAsync"/> returns <see cref="RouterExit.Restart"/> and the
/// caller starts a new router on the new configuration.</summary>
public sealed partial class Router(SiteConfig initial, ConfigLifecycle lifecycle, ILoggerFactory logs, LogLevels levels,
    PrefixDelegations delegations, IReadOnlySet<string>? resumeUp = null)
{
    private static readonly TimeSpan FinalRaSpacing = TimeSpan.FromMilliseconds(50);
    private readonly ILogger _log = logs.CreateLogger("DualHome.Router");
    private readonly CancellationTokenSource _restart = new();
    /// <summary>The configuration the router runs: the committed one with delegated prefixes resolved.</summary>
    private volatile SiteConfig _config = initial;
    private volatile bool _renumber;
    private Live? _live;

    /// <summary>The uplinks that were Up when the router stopped (for a renumbering restart to resume).</summary>
    public IReadOnlySet<string> UpAtExit { get; private set; } = new HashSet<string>();

    public async Task<RouterExit> RunAsync(CancellationToken stop)
    {
        delegations.Changed += OnDelegationChanged;
        try { return await RunResolvedAsync(stop).ConfigureAwait(false); }
        finally { delegations.Changed -= OnDelegationChanged; }
    }

    private async Task<RouterExit> RunResolvedAsync(CancellationToken stop)
    {
        var config = _config = delegations.Resolve(_config);
        var lan = LanLink.Describe(config.Lan.Interface, waitForLinkLocal: TimeSpan.FromSeconds(3));
        if (!lan.HasLinkLocal) DaemonLog.NoLinkLocal(_log, config.Lan.Interface);
        var setup = new SiteSetup(new LinuxNetworkSystem(), logs.CreateLogger<SiteSetup>());
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, _restart.Token);
        try
        {
            var installed = setup.Apply(config);
            await AdvertiseUntilAsync(lan, installed, either.Token).ConfigureAwait(false);
            return stop.IsCancellationRequested ? RouterExit.Stopped : _renumber ? RouterExit.Renumber : RouterExit.Restart;
        }
        finally
        {
            setup.Revert();
        }
    }

    private async Task AdvertiseUntilAsync(LanLinkFacts lan, IReadOnlySet<string> installed, CancellationToken stop)
    {
        var config = _config;
        using var socket = NdSocketLink.Open(config.Lan.Interface);
        var scheduler = new RaScheduler(config.Lan.Ra.MinInterval, config.Lan.Ra.MaxInterval, new Random());
        await using var advertiser = new RouterAdvertiser(socket, scheduler, TimeProvider.System,
            logs.CreateLogger<RouterAdvertiser>());
        using var uplinks = Uplinks.Create(config, installed, logs, resumeUp);
        var lifetimes = new LanPrefixes(config, delegations, logs.CreateLogger("DualHome.Router.Prefixes"));
        PeerDuties? peers = null;
        RouterAdvertisement Content() => lifetimes.Content(_config, lan, uplinks.Health, peers?.Link.Plan().Deprecate);
        _live = new Live(uplinks.Health, () => advertiser.Update(Content()));
        using var peerDuties = peers = StartPeers(config, uplinks.Health, advertiser);
        if (peers is not null)
        {
            peers.Link.Table.Changed += p => peers.OnChanged(p, () => advertiser.Update(Content()));
            peers.Link.Begin();
        }
        advertiser.Start(Content());
        // Delegated lifetimes run down and stale prefixes expire: the content follows once a minute.
        using var refresh = new Timer(_ => advertiser.Update(Content()), null, LanPrefixes.RefreshPeriod, LanPrefixes.RefreshPeriod);
        // Conditional RAs (RFC 8475): a change of any uplink's preference is advertised at once.
        uplinks.Health.UplinkChanged += change => { if (change.PreferredChanged) advertiser.Update(Content()); };
        using var dataPlane = config.DataPlane.IsPacket
            ? PacketDataPlane.Start(config, uplinks.Health, logs.CreateLogger<PacketDataPlane>())
            : null;
        if (dataPlane is not null) peers?.Attach(dataPlane);
        await using var dns = DnsUpdates.Start(config, uplinks.Health, logs, lifetimes.Stale);
        using var refusals = RefuseDeadUplinks(config, uplinks.Health);
        using var board = Board.Open(config, uplinks.Health, logs, _log, FactoryReset);
        if (board is not null) uplinks.CarrierChanged += board.OnCarrier;
        uplinks.Start();
        await using var control = new ControlServer(config.ControlSocket,
            new RouterCommands(uplinks.Health, advertiser, board, config.Uplinks.Select(u => u.Name).ToList(),
                () => MoreCounters(dataPlane, dns, peers), new ConfigCommands(lifecycle, Apply, config.Log.Path),
                () => MoreStatus(peers?.Link.Table)),
            logs.CreateLogger<ControlServer>());
        StartControl(control);
        using (socket.StartReceiving(advertiser))
        {
            DaemonLog.Running(_log, config.Lan.Interface, config.Uplinks.Count);
            await WaitAsync(stop).ConfigureAwait(false);
            UpAtExit = uplinks.Health.Uplinks.Where(m => m.Current.State == UplinkState.Up).Select(m => m.Name).ToHashSet();
            // Renumbering restarts at once with the new prefixes: hosts keep this router as their default.
            if (!_renumber) await advertiser.StopAsync(FinalRaSpacing).ConfigureAwait(false);
        }
    }

    /// <summary>Kernel mode: packets from a dead uplink's prefix are refused at once (packet mode does it itself).</summary>
    private DeadUplinkRefusals? RefuseDeadUplinks(SiteConfig config, SiteHealth health)
    {
        if (config.DataPlane.IsPacket) return null;
        var refusals = new DeadUplinkRefusals(new LinuxNetworkSystem(), config.Lan.Interface,
            SiteSetup.Numbered(config).ToDictionary(n => n.Uplink.Name, n => n.Prefix), logs.CreateLogger<DeadUplinkRefusals>());
        health.UplinkChanged += refusals.OnChanged;
        return refusals;
    }

    /// <summary>`show status` below the uplink table: delegations, learnt gateways, peers.</summary>
    private string MoreStatus(PeerTable? peers) =>
        string.Join('\n', new[] { delegations.StatusText(), PeerReport.Text(peers, TimeProvider.System.GetUtcNow()) }.Where(t => t.Length > 0));

    private static string MoreCounters(PacketDataPlane? dataPlane, DnsUpdates dns, PeerDuties? peers) =>
        string.Join('\n', new[] { dataPlane?.CountersText(), dns.CountersText(), peers?.Link.CountersText() }.Where(t => !string.IsNullOrEmpty(t)));

    /// <summary>The router routes and advertises even when its control socket cannot be made (read-only /run):
    /// the console and ctl are then unavailable, which the log says.</summary>
    private void StartControl(ControlServer control)
    {
        try { control.Start(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
        {
            DaemonLog.NoControl(_log, _config.ControlSocket, e.Message);
        }
    }

    private static async Task WaitAsync(CancellationToken stop)
    {
        try { await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false); }
        catch (OperationCanceledException) { }
    }
}

/// <summary>Why <see cref="Router.RunAsync"/> returned: stopped; restart on the committed configuration; restart on
/// the same one because a delegated prefix changed.</summary>
public enum RouterExit { Stopped, Restart, Renumber }
