using System.Net;
using DualHome.Linux;
using DualHome.Linux.Bpf;
using DualHome.Linux.Netlink;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.PacketMode;

/// <summary>
/// DataPlane.IngressDrop (README "Packet mode"): the eBPF program that keeps the kernel from running its IPv6 input on
/// frames the workers forward, attached to every port once the workers' taps are open. It must pass the router's own
/// addresses: they are read from the kernel at start and again every second (an address added in between, which DAD
/// holds back for about a second anyway, gets its frames dropped until then). Failing to load is not fatal: the
/// workers forward as before and the kernel discards its copies itself.
/// </summary>
public sealed class KernelIngressDrop : IDisposable
{
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(1);
    private readonly IngressDrop _drop;
    private readonly IReadOnlyList<IPAddress> _routerAddresses;
    private readonly ILogger _log;
    private readonly Timer _timer;
    private readonly object _gate = new();
    private bool _disposed;

    private KernelIngressDrop(IngressDrop drop, IReadOnlyList<IPAddress> routerAddresses, ILogger log)
    {
        _drop = drop;
        _routerAddresses = routerAddresses;
        _log = log;
        Sync();
        _timer = new Timer(_ => Sync(), null, Resync, Resync);
    }

    /// <summary>Null (logged) when the kernel refuses the program or a link: no bpf(2), no tcx, no CAP_BPF.</summary>
    /// <param name="routerAddresses">Addresses the router will add itself (prefix::1), passed even before they exist.</param>
    public static KernelIngressDrop? TryStart(IReadOnlyList<PortFacts> ports, IReadOnlyList<IPAddress> routerAddresses, ILogger log)
    {
        IngressDrop? drop = null;
        try
        {
            drop = IngressDrop.Load();
            foreach (var port in ports) drop.Attach(port.Index);
            var started = new KernelIngressDrop(drop, routerAddresses, log);
            DataPlaneLog.IngressDropAttached(log, string.Join(", ", ports.Select(p => p.Name)), started.Hook, drop.LocalAddresses.Count);
            return started;
        }
        catch (Exception e) when (e is NativeErrorException or PlatformNotSupportedException)
        {
            drop?.Dispose();
            DataPlaneLog.IngressDropUnavailable(log, e.Message);
            return null;
        }
    }

    /// <summary>"tcx link" or "clsact filter" (kernels before 6.6), as show counters prints it.</summary>
    public string Hook => _drop.Hooks.FirstOrDefault() == IngressHook.ClsactFilter ? "clsact filter" : "tcx link";

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _timer.Dispose();
            _drop.Dispose(); // detached: the kernel sees every frame again before the workers stop
        }
    }

    private void Sync()
    {
        lock (_gate)
        {
            if (_disposed) return;
            try
            {
                using var netlink = Rtnetlink.Open();
                _drop.SetLocalAddresses(netlink.GetAllAddresses().Select(a => a.Address).Concat(_routerAddresses));
            }
            catch (NativeErrorException e)
            {
                DataPlaneLog.IngressDropSyncFailed(_log, e.Message);
            }
        }
    }
}
