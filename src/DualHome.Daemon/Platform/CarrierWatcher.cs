using DualHome.ControlPlane.Uplinks;
using DualHome.Linux;

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
            m.OnCarrier(up);
        }
    }

    private static bool HasCarrier(string interfaceName)
    {
        try { return LinkInfo.Get(interfaceName).HasCarrier; }
        catch (IOException) { return false; } // the interface vanished (USB NIC unplugged): no carrier
    }
}
