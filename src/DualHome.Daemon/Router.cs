using DualHome.Config;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.ControlPlane.Routing;
using DualHome.ControlPlane.Uplinks;
using DualHome.Control;
using DualHome.Daemon.Control;
using RouterAdvertisement = DualHome.Wire.Nd.RouterAdvertisement;
using DualHome.Daemon.PacketMode;
using DualHome.Daemon.Platform;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon;

/// <summary>The composition root of `run`: start order network setup → RA engine → receive loop; stop order
/// final RAs → receive loop → undo the network setup.</summary>
public sealed class Router(SiteConfig config, ILoggerFactory logs)
{
    private static readonly TimeSpan FinalRaSpacing = TimeSpan.FromMilliseconds(50);
    private readonly ILogger _log = logs.CreateLogger("DualHome.Router");

    public async Task<int> RunAsync(CancellationToken stop)
    {
        var lan = LanLink.Describe(config.Lan.Interface, waitForLinkLocal: TimeSpan.FromSeconds(3));
        if (!lan.HasLinkLocal) DaemonLog.NoLinkLocal(_log, config.Lan.Interface);
        var setup = new SiteSetup(new LinuxNetworkSystem(), logs.CreateLogger<SiteSetup>());
        try
        {
            var installed = setup.Apply(config);
            await AdvertiseUntilAsync(lan, installed, stop).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            setup.Revert();
        }
    }

    private async Task AdvertiseUntilAsync(LanLinkFacts lan, IReadOnlySet<string> installed, CancellationToken stop)
    {
        using var socket = NdSocketLink.Open(config.Lan.Interface);
        var scheduler = new RaScheduler(config.Lan.Ra.MinInterval, config.Lan.Ra.MaxInterval, new Random());
        await using var advertiser = new RouterAdvertiser(socket, scheduler, TimeProvider.System,
            logs.CreateLogger<RouterAdvertiser>());
        using var uplinks = Uplinks.Create(config, installed, logs);
        RouterAdvertisement Content() => RaContentBuilder.Build(config.Lan, lan.LinkAddress, lan.Mtu, Advertised(uplinks.Health));
        advertiser.Start(Content());
        // Conditional RAs (RFC 8475): a change of any uplink's preference is advertised at once.
        uplinks.Health.UplinkChanged += change => { if (change.PreferredChanged) advertiser.Update(Content()); };
        using var dataPlane = config.DataPlane.IsPacket
            ? PacketDataPlane.Start(config, uplinks.Health, logs.CreateLogger<PacketDataPlane>())
            : null;
        using var board = Board.Open(config, uplinks.Health, logs, _log);
        if (board is not null) uplinks.CarrierChanged += board.OnCarrier;
        uplinks.Start();
        await using var control = new ControlServer(config.ControlSocket,
            new RouterCommands(uplinks.Health, advertiser, board, config.Uplinks.Select(u => u.Name).ToList(),
                dataPlane is null ? null : dataPlane.CountersText),
            logs.CreateLogger<ControlServer>());
        StartControl(control);
        using (socket.StartReceiving(advertiser))
        {
            DaemonLog.Running(_log, config.Lan.Interface, config.Uplinks.Count);
            await WaitAsync(stop).ConfigureAwait(false);
            await advertiser.StopAsync(FinalRaSpacing).ConfigureAwait(false);
        }
    }

    /// <summary>Every configured uplink is advertised; only a monitored one that is up (or forced up) is preferred.</summary>
    private List<UplinkAdvertisement> Advertised(SiteHealth health)
    {
        var preferred = health.Snapshot().Where(s => s.Preferred).Select(s => s.Name).ToHashSet();
        return config.Uplinks
            .Select(u => new UplinkAdvertisement(u.Name, u.LanPrefix, preferred.Contains(u.Name), u.Dns))
            .ToList();
    }

    /// <summary>The router routes and advertises even when its control socket cannot be made (read-only /run):
    /// the console and ctl are then unavailable, which the log says.</summary>
    private void StartControl(ControlServer control)
    {
        try { control.Start(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
        {
            DaemonLog.NoControl(_log, config.ControlSocket, e.Message);
        }
    }

    private static async Task WaitAsync(CancellationToken stop)
    {
        try { await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false); }
        catch (OperationCanceledException) { }
    }
}
