using DualHome.ControlPlane.Uplinks;
using Microsoft.Extensions.Logging;

namespace DualHome.Hardware.Buttons;

/// <summary>What a button press did, for the log and for <c>dualhomed ctl button</c>.</summary>
public enum ButtonOutcome
{
    /// <summary>Short: the preferred uplink went standby (its prefix deprecated); hosts move to the other.</summary>
    SwitchedAway,
    /// <summary>Short while overridden: every uplink back to automatic.</summary>
    BackToAutomatic,
    /// <summary>Short with fewer than two uplinks online: there is nowhere to switch to.</summary>
    NothingToSwitch,
    /// <summary>Hold 3 s: every override cleared.</summary>
    AllAutomatic,
    /// <summary>Hold 10 s: the factory reset callback ran.</summary>
    FactoryReset,
    /// <summary>Hold 10 s: the factory reset callback threw (logged).</summary>
    FactoryResetFailed,
}

public sealed record ButtonResult(ButtonOutcome Outcome, string Message);

/// <summary>The button's actions on the uplinks, through <see cref="UplinkMonitor.SetOverride"/>. The physical
/// button (<see cref="ButtonLogic"/>) and <c>dualhomed ctl button</c> both call <see cref="Handle"/>.</summary>
/// <remarks>
/// Short press: with no override in force, the first uplink (in configuration order) that is online and preferred
/// goes standby (ForceDown: its prefix is deprecated, RFC 8475) — only if another uplink is online too, so hosts
/// have somewhere to go. With any override in force, every uplink returns to automatic. Hold 3 s: every uplink to
/// automatic. Hold 10 s: the injected factory reset (the daemon resets the configuration and keeps the logs).
/// Failsafe: a standby chosen by the button is a backup, not an outage — when no uplink is preferred any more while
/// the standby one is up, the standby one returns to automatic at once.
/// </remarks>
public sealed class ButtonActions : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SiteHealth _health;
    private readonly Action _factoryReset;
    private readonly ILogger _log;
    private string? _standby;
    private bool _started;

    public ButtonActions(SiteHealth health, Action factoryReset, ILogger log) =>
        (_health, _factoryReset, _log) = (health, factoryReset, log);

    /// <summary>Name of the uplink the button put on standby, if that standby is still in force.</summary>
    public string? Standby
    {
        get
        {
            lock (_gate) return _standby;
        }
    }

    /// <summary>Starts the failsafe (follows <see cref="SiteHealth.UplinkChanged"/>).</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_started) return;
            _started = true;
        }
        _health.UplinkChanged += OnUplinkChanged;
    }

    public void Dispose()
    {
        _health.UplinkChanged -= OnUplinkChanged;
        lock (_gate) _started = false;
    }

    public ButtonResult Handle(ButtonEvent e)
    {
        ButtonResult result;
        lock (_gate)
        {
            result = e switch
            {
                ButtonEvent.Short => ShortPress(),
                ButtonEvent.Hold3 => AllAuto(ButtonOutcome.AllAutomatic, "every uplink automatic"),
                _ => FactoryReset(),
            };
        }
        HardwareLog.ButtonAction(_log, e.Name(), result.Outcome, result.Message);
        return result;
    }

    private ButtonResult ShortPress()
    {
        if (_health.Uplinks.Any(u => u.Current.Override != UplinkOverride.Auto))
            return AllAuto(ButtonOutcome.BackToAutomatic, "manual switch ended: every uplink automatic");
        var online = _health.Uplinks.Where(u => u.Current is { State: UplinkState.Up, Preferred: true }).ToList();
        if (online.Count < 2)
            return new(ButtonOutcome.NothingToSwitch,
                $"{online.Count} uplink(s) online: no other uplink to switch to; nothing changed");
        var from = online[0];
        _standby = from.Name; // before the override: its change event reaches the failsafe at once
        from.SetOverride(UplinkOverride.ForceDown);
        var to = string.Join(", ", online.Skip(1).Select(u => u.Name));
        return new(ButtonOutcome.SwitchedAway, $"uplink {from.Name} on standby (prefix deprecated); hosts move to {to}");
    }

    private ButtonResult AllAuto(ButtonOutcome outcome, string message)
    {
        _standby = null;
        foreach (var uplink in _health.Uplinks) uplink.SetOverride(UplinkOverride.Auto);
        return new(outcome, message);
    }

    private ButtonResult FactoryReset()
    {
        try
        {
            _factoryReset();
            return new(ButtonOutcome.FactoryReset, "configuration reset to factory defaults (logs kept)");
        }
        catch (Exception e) // the callback is the daemon's; whatever it throws, the router keeps running
        {
            return new(ButtonOutcome.FactoryResetFailed, $"factory reset failed: {e.Message}");
        }
    }

    /// <summary>The failsafe: the other uplink failed while the button kept this one on standby.</summary>
    private void OnUplinkChanged(UplinkChange change)
    {
        UplinkMonitor? standby;
        lock (_gate)
        {
            if (_standby is null || _health.AnyPreferred) return;
            standby = _health.Find(_standby);
            if (standby?.Current is not { Override: UplinkOverride.ForceDown, State: UplinkState.Up }) return;
            _standby = null;
        }
        HardwareLog.StandbyFailsafe(_log, standby.Name, change.Uplink);
        standby.SetOverride(UplinkOverride.Auto);
    }
}
