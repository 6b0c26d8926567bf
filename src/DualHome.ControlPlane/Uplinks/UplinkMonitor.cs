using System.Net;
using DualHome.Config;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Uplinks;

/// <summary>The health monitor of one uplink: probes through <see cref="IProbeTransport"/>, feeds carrier, gateway
/// and probe results to its <see cref="UplinkHealth"/>, applies the operator's override, and reports each change
/// through <see cref="Changed"/>, in order and outside its lock.</summary>
public sealed class UplinkMonitor : IDisposable
{
    private readonly Lock _gate = new();
    private UplinkConfig _config;
    private readonly UplinkHealth _health;
    private readonly ProbeScheduler _probes;
    private readonly OrderedDispatcher<UplinkChange> _changes;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private UplinkOverride _override = UplinkOverride.Auto;

    /// <param name="identifier">ICMPv6 echo identifier of this uplink's probes; distinct per uplink, so that a
    /// raw socket that sees every echo reply on the router can tell whose reply it is.</param>
    public UplinkMonitor(UplinkConfig config, ushort identifier, IProbeTransport transport, TimeProvider time,
        Random random, ILogger log)
    {
        (_config, _time, _log) = (config, time, log);
        _health = new UplinkHealth(config.Name, config.Probe, time, log);
        _health.Transitioned += OnTransitioned;
        _probes = new ProbeScheduler(config.Name, config.Probe, identifier, transport, time, random, log);
        _probes.RoundCompleted += round =>
        {
            Update(health => health.OnRound(round));
            RoundCompleted?.Invoke(round);
        };
        _changes = new OrderedDispatcher<UplinkChange>(change => Changed?.Invoke(change));
    }

    public string Name => _config.Name;
    public UplinkConfig Config { get { lock (_gate) return _config; } }
    public ProbeCounters Counters => _probes.Counters;

    /// <summary>Every health transition and override change. Handlers run outside the monitor's lock and may
    /// read <see cref="Current"/> or call <see cref="SetOverride"/>; they must not throw.</summary>
    public event Action<UplinkChange>? Changed;

    /// <summary>Each probe round's result after the health machine has taken it (host mode measures exits with it).</summary>
    public event Action<ProbeRound>? RoundCompleted;

    public UplinkStatus Current
    {
        get
        {
            lock (_gate) return Snapshot();
        }
    }

    /// <summary>See <see cref="UplinkHealth.Resume"/>; call before <see cref="Start"/>.</summary>
    public void Resume() => Update(health => health.Resume("it was up before the router restarted to renumber"));

    public void Start()
    {
        var probe = _config.Probe;
        if (probe.Targets.Count == 0) UplinkLog.NoTargets(_log, Name);
        else UplinkLog.Started(_log, Name, string.Join(", ", probe.Targets), probe.Interval.TotalMilliseconds, probe.DownAfter, probe.UpAfter);
        Update(health => health.Start());
        _probes.Start();
    }

    public void Stop()
    {
        _probes.Stop();
        UplinkLog.Stopped(_log, Name);
    }

    /// <summary>
    /// Applies a changed probe configuration live (issue 6): the uplink keeps its state, override and counters, and
    /// nothing is advertised unless the state later changes. Only <see cref="UplinkConfig.Probe"/> and
    /// <see cref="UplinkConfig.Dns"/> may differ; a change between probed and unprobed is refused (restart).
    /// </summary>
    public void Reconfigure(UplinkConfig config)
    {
        if (config.Name != _config.Name || config.Interface != _config.Interface || !Equals(config.Gateway, _config.Gateway)
            || config.LanPrefix != _config.LanPrefix || (config.Probe.Targets.Count == 0) != (_config.Probe.Targets.Count == 0))
            throw new ArgumentException($"uplink {Name}: only the probe settings and DNS servers change live", nameof(config));
        lock (_gate)
        {
            _config = config;
            _health.Reconfigure(config.Probe);
        }
        _probes.Reconfigure(config.Probe);
        UplinkLog.Reconfigured(_log, Name, config.Probe.Interval.TotalMilliseconds, config.Probe.DownAfter, config.Probe.UpAfter);
    }

    public void OnCarrier(bool up) => Update(health => health.OnCarrier(up));

    public void OnGatewayReachable(bool reachable) => Update(health => health.OnGatewayReachable(reachable));

    /// <summary>Hand every ICMPv6 echo reply seen on the uplink here; others' and late ones are counted, not used.</summary>
    public EchoReplyResult OnEchoReply(IPAddress target, ushort identifier, ushort sequence) =>
        _probes.OnEchoReply(target, identifier, sequence);

    /// <summary>The operator's override. The health machine keeps running underneath, so <see cref="UplinkOverride.Auto"/>
    /// advertises the live state at once.</summary>
    public void SetOverride(UplinkOverride mode)
    {
        lock (_gate)
        {
            if (mode == _override) return;
            var (old, state) = (_override, _health.State);
            _override = mode;
            bool was = old.Preferred(state), now = mode.Preferred(state);
            UplinkLog.OverrideChanged(_log, Name, old.Name(), mode.Name(), now ? "preferred" : "deprecated");
            _changes.Enqueue(new UplinkChange(Name, state, state, mode, was, now, $"override {mode.Name()}", _time.GetUtcNow()));
        }
        _changes.DeliverPending();
    }

    public void Dispose()
    {
        Stop();
        _probes.Dispose();
    }

    private void Update(Action<UplinkHealth> input)
    {
        lock (_gate) input(_health);
        _changes.DeliverPending();
    }

    /// <summary>Runs under the lock, inside <see cref="UplinkHealth"/>'s transition: only queues the change.</summary>
    private void OnTransitioned(UplinkTransition t) =>
        _changes.Enqueue(new UplinkChange(Name, t.Old, t.New, _override, _override.Preferred(t.Old),
            _override.Preferred(t.New), t.Reason, t.At));

    private UplinkStatus Snapshot() => new(
        Name, _health.State, _override, _override.Preferred(_health.State), _health.HoldDown, _health.Transitions,
        _health.LastChange, Counters.Sent, Counters.Answered, Counters.Stray);
}
