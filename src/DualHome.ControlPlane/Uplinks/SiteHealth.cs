namespace DualHome.ControlPlane.Uplinks;

/// <summary>All uplinks of the site, and the one stream of their changes that the RA engine, the LEDs and the DNS
/// updater subscribe to.</summary>
public sealed class SiteHealth
{
    private readonly OrderedDispatcher<UplinkChange> _changes;

    public SiteHealth(IReadOnlyList<UplinkMonitor> uplinks)
    {
        Uplinks = uplinks;
        _changes = new OrderedDispatcher<UplinkChange>(change => UplinkChanged?.Invoke(change));
        foreach (var uplink in uplinks) uplink.Changed += Forward;
    }

    public IReadOnlyList<UplinkMonitor> Uplinks { get; }

    /// <summary>Every uplink's changes, one at a time (handlers need no locking against each other), each uplink's
    /// in order. A change says what happened; rebuild what is advertised from <see cref="Snapshot"/>, which is the
    /// state now (another uplink may have changed since).</summary>
    public event Action<UplinkChange>? UplinkChanged;

    /// <summary>What the RA builder needs: per uplink, in configuration order, whether its prefix is preferred.</summary>
    public IReadOnlyList<(string Name, bool Preferred)> Snapshot() =>
        Uplinks.Select(u => (u.Name, u.Current.Preferred)).ToList();

    /// <summary>RFC 7084 G-4/G-5: with no working uplink at all the router must not be a default router (router
    /// lifetime 0). In dual homing that is when no uplink is preferred; otherwise prefixes are deprecated one by one.</summary>
    public bool AnyPreferred => Uplinks.Any(u => u.Current.Preferred);

    public UplinkMonitor? Find(string name) => Uplinks.FirstOrDefault(u => u.Name == name);

    public void Start()
    {
        foreach (var uplink in Uplinks) uplink.Start();
    }

    public void Stop()
    {
        foreach (var uplink in Uplinks) uplink.Stop();
    }

    private void Forward(UplinkChange change)
    {
        _changes.Enqueue(change);
        _changes.DeliverPending();
    }
}
