using DualHome.Config;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Uplinks;

/// <summary>The health state machine of one uplink: one enum, one <see cref="Transition"/> that logs old → new
/// with the reason and raises <see cref="Transitioned"/> (as OpenBSD slaacd's state_transition does).</summary>
/// <remarks>
/// Inputs and rules (issue 3):
/// <list type="bullet">
/// <item>Carrier loss or an unreachable gateway: Down at once, no probe needed; while either lasts, probe rounds
/// are ignored, so recovery is counted from the link's return.</item>
/// <item>A probe round is answered when ANY target answered: one dead target among several is not an ISP failure.
/// <c>DownAfter</c> silent rounds in a row → Down; this is BFD's Detection Time, DetectMult × interval
/// (RFC 5880 §6.8.4), with DownAfter as the multiplier.</item>
/// <item><c>UpAfter</c> answered rounds in a row, lasting at least the <see cref="Uplinks.HoldDown"/> → Up.</item>
/// <item>Without probe targets nothing can test the ISP: carrier and gateway alone decide, at once.</item>
/// </list>
/// Not thread-safe: <see cref="UplinkMonitor"/> calls it under its lock.
/// </remarks>
public sealed class UplinkHealth
{
    private readonly string _name;
    private ProbeConfig _probe;
    private readonly TimeProvider _time;
    private readonly MonotonicClock _clock;
    private readonly ILogger _log;
    private readonly HoldDown _holdDown = new();
    private bool _carrier = true, _gatewayReachable = true;
    private int _silentRounds, _answeredRounds;
    private TimeSpan _answeredSince;

    public UplinkHealth(string name, ProbeConfig probe, TimeProvider time, ILogger log)
    {
        (_name, _probe, _time, _log) = (name, probe, time, log);
        _clock = new MonotonicClock(time);
    }

    public UplinkState State { get; private set; } = UplinkState.Starting;
    public long Transitions { get; private set; }
    public DateTimeOffset? LastChange { get; private set; }
    public TimeSpan HoldDown => _holdDown.Current(_clock.Now);
    public event Action<UplinkTransition>? Transitioned;

    private bool Probed => _probe.Targets.Count > 0;
    private bool LinkUsable => _carrier && _gatewayReachable;

    /// <summary>New DownAfter/UpAfter (and targets) count from the next round; the state and the rounds counted so
    /// far stay. Callers keep "probed" (targets or none) unchanged: that needs a restart.</summary>
    public void Reconfigure(ProbeConfig probe) => _probe = probe;

    /// <summary>Begins judging. With probe targets the rounds decide; without, a usable link is Up at once.</summary>
    public void Start()
    {
        if (!Probed && LinkUsable) Transition(UplinkState.Up, "no probe targets; carrier up");
    }

    /// <summary>Carries the state over a router restart that only renumbers the LAN (issue 8): an uplink that was Up
    /// a moment ago starts Up, so hosts do not see every prefix deprecated while the first probe rounds run. The probes
    /// still judge it from the first round on: a dead ISP goes Down after DownAfter rounds as usual.</summary>
    public void Resume(string reason)
    {
        if (State == UplinkState.Starting && LinkUsable) Transition(UplinkState.Up, reason);
    }

    /// <summary>rtnetlink link state (IFF_LOWER_UP) of the uplink's interface.</summary>
    public void OnCarrier(bool up)
    {
        if (up == _carrier) return;
        _carrier = up;
        OnLinkChanged(up ? "carrier restored" : "carrier lost");
    }

    /// <summary>Neighbour reachability of the ISP's gateway (RFC 4861 §7.3: NUD failed = unreachable). Optional:
    /// an uplink whose gateway is never reported is judged by carrier and probes.</summary>
    public void OnGatewayReachable(bool reachable)
    {
        if (reachable == _gatewayReachable) return;
        _gatewayReachable = reachable;
        OnLinkChanged(reachable ? "gateway reachable" : "gateway unreachable");
    }

    public void OnRound(ProbeRound round)
    {
        if (!LinkUsable) return; // nothing can pass; the recovery count starts when the link returns
        if (round.AnyAnswered) OnAnsweredRound();
        else OnSilentRound(round.Targets);
    }

    private void OnLinkChanged(string reason)
    {
        ResetRuns();
        if (!LinkUsable) Transition(UplinkState.Down, reason);
        else if (!Probed) Transition(UplinkState.Up, $"{reason}; no probe targets");
    }

    private void OnSilentRound(int targets)
    {
        _answeredRounds = 0;
        if (State == UplinkState.Down || ++_silentRounds < _probe.DownAfter) return;
        Transition(UplinkState.Down, $"{_silentRounds} probe rounds without a reply from any of {targets} targets");
    }

    private void OnAnsweredRound()
    {
        _silentRounds = 0;
        if (State == UplinkState.Up) return;
        var now = _clock.Now;
        if (_answeredRounds++ == 0) _answeredSince = now;
        var holdDown = _holdDown.Current(now);
        if (_answeredRounds < _probe.UpAfter || now - _answeredSince < holdDown) return;
        Transition(UplinkState.Up, holdDown == TimeSpan.Zero
            ? $"{_answeredRounds} probe rounds answered"
            : $"{_answeredRounds} probe rounds answered over {(now - _answeredSince).TotalSeconds:0.#} s, hold-down {holdDown.TotalSeconds:0.#} s");
    }

    private void Transition(UplinkState next, string reason)
    {
        if (next == State) return;
        var old = State;
        State = next;
        Transitions++;
        LastChange = _time.GetUtcNow();
        ResetRuns();
        var level = next == UplinkState.Down ? LogLevel.Warning : LogLevel.Information;
        UplinkLog.Transition(_log, level, _name, old, next, reason);
        UpdateHoldDown(old, next);
        Transitioned?.Invoke(new UplinkTransition(old, next, reason, LastChange.Value));
    }

    /// <summary>The first Up after start has no history to call a flap: it counts as stable, so an ISP that fails
    /// within a minute of the router booting comes back after UpAfter rounds, not after a hold-down.</summary>
    private void UpdateHoldDown(UplinkState old, UplinkState next)
    {
        var now = _clock.Now;
        if (next == UplinkState.Up && old == UplinkState.Starting) _holdDown.OnUp(now - Uplinks.HoldDown.StableTime);
        else if (next == UplinkState.Up) _holdDown.OnUp(now);
        else if (_holdDown.OnDown(now)) UplinkLog.HoldDownGrew(_log, _name, _holdDown.Current(now));
    }

    private void ResetRuns() => (_silentRounds, _answeredRounds) = (0, 0);
}
