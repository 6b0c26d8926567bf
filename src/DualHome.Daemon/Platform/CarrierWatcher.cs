using System.Net;
using DualHome.ControlPlane.Uplinks;
using DualHome.Linux;
using DualHome.Linux.Netlink;

namespace DualHome.Daemon.Platform;

/// <summary>Feeds each uplink's monitor from the kernel's rtnetlink notifications: its carrier (IFF_LOWER_UP) and the
/// neighbour state of its gateway (NUD_FAILED = unreachable, RFC 4861 §7.3). The state is read once at start, and again
/// whenever the kernel reports lost notifications. All work after Start runs on the one event thread.</summary>
public sealed class CarrierWatcher(IReadOnlyList<UplinkMonitor> monitors) : IDisposable
{
    /// <summary>States in which the gateway answered lately (or is static): reachable for our purpose.</summary>
    private const NeighborState Answering =
        NeighborState.Reachable | NeighborState.Stale | NeighborState.Delay | NeighborState.Probe | NeighborState.Permanent;

    private readonly Dictionary<string, bool> _carrier = [];
    private readonly Dictionary<int, UplinkMonitor> _byIndex = [];
    private RtnetlinkEvents? _events;
    private Rtnetlink? _netlink;
    private ReceiveThread? _thread;

    /// <summary>Subscribes first, then reads the state: a change in between is seen twice, never missed.</summary>
    /// <summary>Uplink name and carrier, on every change (the board's LEDs go dark without carrier).</summary>
    public event Action<string, bool>? CarrierChanged;

    public void Start()
    {
        _events = RtnetlinkEvents.Open();
        _netlink = Rtnetlink.Open();
        Resync();
        _thread = ReceiveThread.Start("rtnetlink events", _ => Step(_events), _events.Dispose);
    }

    public void Dispose()
    {
        _thread?.Dispose();
        _events?.Dispose();
        _netlink?.Dispose();
    }

    private bool Step(RtnetlinkEvents events)
    {
        if (!events.TryRead(out var ev)) return false;
        if (ev is LinkEvent link) OnLink(link);
        else if (ev is NeighborEvent { Deleted: false } n && _byIndex.TryGetValue(n.InterfaceIndex, out var m) && IsGateway(m, n.Address))
            OnGateway(m, n.State, verdict: n.RequestedBy == 0);
        else if (ev is ResyncNeeded) Resync();
        return true;
    }

    private void OnLink(LinkEvent e)
    {
        if (monitors.FirstOrDefault(m => m.Config.Interface == e.Name) is not { } m) return;
        if (e.Deleted) _byIndex.Remove(e.InterfaceIndex);
        else _byIndex[e.InterfaceIndex] = m;
        Report(m, e.InterfaceIndex, e.HasCarrier);
    }

    private void Resync()
    {
        _byIndex.Clear();
        foreach (var m in monitors)
        {
            var link = TryGetLink(m.Config.Interface);
            if (link is not null) _byIndex[link.Index] = m;
            Report(m, link?.Index ?? 0, link?.HasCarrier ?? false);
            // A FAILED entry read here may be old history (kept until garbage collection, resolved afresh by the
            // next packet): only an event says the gateway failed now. An answering state is current.
            if (link is not null && TryGetGateway(link.Index, m) is { } gateway) OnGateway(m, gateway.State, verdict: false);
        }
    }

    private void Report(UplinkMonitor m, int index, bool up)
    {
        bool known = _carrier.TryGetValue(m.Name, out var was);
        if (known && was == up) return;
        _carrier[m.Name] = up;
        if (up && known) ForgetGateway(m, index);
        // The LEDs hear of the carrier before the monitor's state change, so a pulled cable goes dark at once
        // instead of flickering through "ISP unreachable".
        CarrierChanged?.Invoke(m.Name, up);
        m.OnCarrier(up);
    }

    /// <param name="verdict">The kernel's own neighbour unreachability detection made the change. A FAILED that a
    /// request made (our RTM_DELNEIGH below, <c>ip neigh</c>) says nothing about the gateway.</param>
    private static void OnGateway(UplinkMonitor m, NeighborState state, bool verdict)
    {
        if (state == NeighborState.Failed && verdict) m.OnGatewayReachable(false);
        else if ((state & Answering) != 0) m.OnGatewayReachable(true);
    }

    /// <summary>While the cable was out the gateway's neighbour entry went INCOMPLETE; the kernel would retry only
    /// at its next 1 s retransmit. Deleting it makes the first probe after carrier-up resolve the gateway at once.</summary>
    private void ForgetGateway(UplinkMonitor m, int index)
    {
        try { _netlink!.DeleteNeighbor(index, m.Config.Gateway!); }
        catch (IOException) { } // the link is gone again: the probes will tell
    }

    private LinkInfo? TryGetLink(string interfaceName)
    {
        try { return _netlink!.GetLink(interfaceName); }
        catch (IOException) { return null; } // the interface vanished (USB NIC unplugged): no carrier
    }

    private NeighborEvent? TryGetGateway(int index, UplinkMonitor m)
    {
        try { return _netlink!.GetNeighbor(index, m.Config.Gateway!); }
        catch (IOException) { return null; } // a kernel before 5.0 has no single-entry RTM_GETNEIGH: events only
    }

    private static bool IsGateway(UplinkMonitor m, IPAddress address) =>
        address.GetAddressBytes().AsSpan().SequenceEqual(m.Config.Gateway!.GetAddressBytes()); // the event's scope id aside
}
