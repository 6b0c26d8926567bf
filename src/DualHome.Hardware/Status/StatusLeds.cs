using DualHome.ControlPlane.Uplinks;
using DualHome.Hardware.Leds;
using Microsoft.Extensions.Logging;

namespace DualHome.Hardware.Status;

/// <summary>Drives the board's LEDs from <see cref="SiteHealth"/>: each uplink change, carrier change and button
/// feedback goes through the <see cref="StatusModel"/>, and each LED that changes is set on its sinks. Inputs come
/// from several threads (the uplink event stream, the carrier watcher, the button's timer); one lock serialises
/// them, so the LEDs always show the model's latest state.</summary>
public sealed class StatusLeds : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SiteHealth _health;
    private readonly ILookup<LedRole, ILedSink> _sinks;
    private bool _started;

    /// <param name="sinks">The LEDs per role; a role may have several sinks (a board LED and the demo's panel).</param>
    /// <param name="uplinkLeds">Which uplink each uplink LED shows (<see cref="UplinkLedBinding"/>).</param>
    public StatusLeds(SiteHealth health, IEnumerable<(LedRole Role, ILedSink Sink)> sinks,
        IReadOnlyDictionary<LedRole, string> uplinkLeds, ILogger log)
    {
        _health = health;
        _sinks = sinks.ToLookup(s => s.Role, s => s.Sink);
        Model = new StatusModel(uplinkLeds, log);
        Model.Changed += Show;
    }

    /// <summary>The model (read <see cref="StatusModel.Shown"/> for what every LED shows now).</summary>
    public StatusModel Model { get; }

    /// <summary>Takes every monitor's current state, shows it, then follows <see cref="SiteHealth.UplinkChanged"/>.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_started) return;
            _started = true;
            _health.UplinkChanged += OnUplinkChanged;
            foreach (var uplink in _health.Uplinks) Model.OnStatus(uplink.Current);
            Model.Transition("start");
        }
    }

    /// <summary>Stops following the uplinks and turns every LED off.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (!_started) return;
            _started = false;
            _health.UplinkChanged -= OnUplinkChanged;
            foreach (var group in _sinks)
                foreach (var sink in group) sink.Set(LedPattern.Off);
        }
    }

    /// <summary>What every LED shows now (a copy).</summary>
    public IReadOnlyDictionary<LedRole, LedPattern> Snapshot()
    {
        lock (_gate) return new Dictionary<LedRole, LedPattern>(Model.Shown);
    }

    public void OnCarrier(string uplink, bool up)
    {
        lock (_gate) Model.OnCarrier(uplink, up);
    }

    public void ShowButton(ButtonFeedback feedback)
    {
        lock (_gate) Model.OnButton(feedback);
    }

    public void Dispose() => Stop();

    private void OnUplinkChanged(UplinkChange change)
    {
        lock (_gate)
        {
            if (_started) Model.OnChange(change);
        }
    }

    private void Show(LedChange change)
    {
        if (!_started) return;
        foreach (var sink in _sinks[change.Led]) sink.Set(change.New);
    }
}
