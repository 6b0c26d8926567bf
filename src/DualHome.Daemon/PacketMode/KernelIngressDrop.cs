using System.Net;
using DualHome.Daemon.Platform;
using DualHome.Linux;
using DualHome.Linux.Bpf;
using DualHome.Linux.Netlink;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.PacketMode;

/// <summary>
/// DataPlane.IngressDrop (README "Packet mode"): the eBPF program that keeps the kernel from running its IPv6 input on
/// frames the workers forward, attached to every port once the workers' taps are open. It must pass the router's own
/// addresses: the map is filled from the kernel at start and again at every IPv6 address notification
/// (RTNLGRP_IPV6_IFADDR, subscribed before the first read so no change is missed). Failing to load is not fatal: the
/// workers forward as before and the kernel discards its copies itself.
/// </summary>
public sealed class KernelIngressDrop : IDisposable
{
    private readonly IngressDrop _drop;
    private readonly IReadOnlyList<IPAddress> _routerAddresses;
    private readonly ILogger _log;
    private readonly RtnetlinkEvents _events;
    private readonly ReceiveThread _watcher;
    private readonly object _gate = new();
    private bool _disposed;

    private KernelIngressDrop(IngressDrop drop, RtnetlinkEvents events, IReadOnlyList<IPAddress> routerAddresses, ILogger log)
    {
        _drop = drop;
        _events = events;
        _routerAddresses = routerAddresses;
        _log = log;
        Sync();
        _watcher = ReceiveThread.Start("ingress drop", _ => Watch(), _events.Dispose);
    }

    /// <summary>"tcx link" or "clsact filter" (kernels before 6.6), as show counters prints it.</summary>
    public string Hook => _drop.Hooks.FirstOrDefault() == IngressHook.ClsactFilter ? "clsact filter" : "tcx link";

    /// <summary>Null (logged) when the kernel refuses the program or a hook: no bpf(2), no CAP_BPF.</summary>
    /// <param name="routerAddresses">Addresses the router will add itself (prefix::1), passed even before they exist.</param>
    public static KernelIngressDrop? TryStart(IReadOnlyList<PortFacts> ports, IReadOnlyList<IPAddress> routerAddresses, ILogger log)
    {
        IngressDrop? drop = null;
        RtnetlinkEvents? events = null;
        try
        {
            events = RtnetlinkEvents.OpenAddresses();
            drop = IngressDrop.Load();
            foreach (var port in ports) drop.Attach(port.Index);
            var started = new KernelIngressDrop(drop, events, routerAddresses, log);
            DataPlaneLog.IngressDropAttached(log, string.Join(", ", ports.Select(p => p.Name)), started.Hook, drop.LocalAddresses.Count);
            return started;
        }
        catch (Exception e) when (e is NativeErrorException or PlatformNotSupportedException)
        {
            drop?.Dispose();
            events?.Dispose();
            DataPlaneLog.IngressDropUnavailable(log, e.Message);
            return null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _drop.Dispose(); // detached: the kernel sees every frame again before the workers stop
        }
        _watcher.Dispose(); // closes the event socket, which wakes it
    }

    /// <summary>One event; false once the socket is closed. A read error pauses and retries (ReceiveThread), and the
    /// next event resyncs the whole set, so nothing missed in between stays missing.</summary>
    private bool Watch()
    {
        if (!_events.TryRead(out var ev)) return false;
        if (ev is AddressEvent or ResyncNeeded) Sync();
        return true;
    }

    /// <summary>The whole set again, from a dump: simpler than applying events one by one, and an address change is rare.</summary>
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
