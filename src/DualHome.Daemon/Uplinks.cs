using DualHome.Config;
using DualHome.ControlPlane.Routing;
using DualHome.ControlPlane.Uplinks;
using DualHome.Daemon.Platform;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon;

/// <summary>The uplink monitors with their Linux parts: one probe socket per uplink, one carrier watcher.
/// An uplink whose route could not be installed gets no monitor and stays not preferred.</summary>
public sealed class Uplinks : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private Uplinks(SiteHealth health) => Health = health;

    public SiteHealth Health { get; }

    /// <summary>Uplink name and carrier, on every change; subscribe before <see cref="Start"/> to see the first.</summary>
    public event Action<string, bool>? CarrierChanged;

    /// <param name="resumeUp">Uplinks that were Up when the previous router stopped to renumber: they start Up.</param>
    public static Uplinks Create(SiteConfig config, IReadOnlySet<string> installed, ILoggerFactory logs, IReadOnlySet<string>? resumeUp = null)
    {
        var monitors = new List<UplinkMonitor>();
        var sockets = new List<(ProbeSocket, UplinkMonitor)>();
        ushort identifier = (ushort)Random.Shared.Next(0x1000, 0xf000);
        foreach (var (u, prefix) in SiteSetup.Numbered(config).Where(n => installed.Contains(n.Uplink.Name)))
        {
            var socket = ProbeSocket.Open(u.Interface, SiteSetup.RouterAddress(prefix));
            var monitor = new UplinkMonitor(u, identifier++, socket, TimeProvider.System, new Random(),
                logs.CreateLogger($"DualHome.Uplink.{u.Name}"));
            if (resumeUp?.Contains(u.Name) == true) monitor.Resume();
            monitors.Add(monitor);
            sockets.Add((socket, monitor));
        }
        var result = new Uplinks(new SiteHealth(monitors));
        foreach (var (socket, monitor) in sockets)
        {
            result._owned.Add(socket);
            result._owned.Add(monitor);
            result._owned.Add(socket.StartReceiving(monitor));
        }
        return result;
    }

    public void Start()
    {
        var carrier = new CarrierWatcher(Health.Uplinks);
        carrier.CarrierChanged += (name, up) => CarrierChanged?.Invoke(name, up);
        _owned.Add(carrier);
        Health.Start();
        carrier.Start();
    }

    public void Dispose()
    {
        Health.Stop();
        for (int i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
    }
}
