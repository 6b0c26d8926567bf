using DualHome.ControlPlane.Uplinks;
using DualHome.Linux;
using DualHome.Linux.Netlink;

namespace DualHome.Daemon.Platform;

/// <summary>Reports each uplink's carrier (IFF_LOWER_UP) to its monitor when it changes. Polled over rtnetlink
/// every 50 ms: a cable pulled is seen well within the 100 ms target, at the cost of one small netlink
/// request per uplink per poll.</summary>
public sealed class CarrierWatcher(IReadOnlyList<UplinkMonitor> monitors, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(50);
    private readonly Dictionary<string, bool> _last = [];
    private ITimer? _timer;

    public void Start() => _timer = time.CreateTimer(_ => Poll(), null, TimeSpan.Zero, Period);

    public void Dispose() => _timer?.Dispose();

    private void Poll()
    {
        foreach (var m in monitors)
        {
            bool up = HasCarrier(m.Config.Interface);
            if (_last.TryGetValue(m.Name, out var was) && was == up) continue;
            _last[m.Name] = up;
            if (up && was is false) ForgetGateway(m);
            m.OnCarrier(up);
        }
    }

    /// <summary>While the cable was out the gateway's neighbour entry went INCOMPLETE; the kernel would retry only
    /// at its next 1 s retransmit. Deleting it makes the first probe after carrier-up resolve the gateway at once.</summary>
    private static void ForgetGateway(UplinkMonitor m)
    {
        try
        {
            using var nl = Rtnetlink.Open();
            nl.DeleteNeighbor(nl.GetLink(m.Config.Interface).Index, m.Config.Gateway);
        }
        catch (IOException) { } // nothing to forget, or the link is gone again: the probes will tell
    }

    private static bool HasCarrier(string interfaceName)
    {
        try { return LinkInfo.Get(interfaceName).HasCarrier; }
        catch (IOException) { return false; } // the interface vanished (USB NIC unplugged): no carrier
    }
}
