using DualHome.ControlPlane.Uplinks;
using DualHome.Hardware.Leds;
using Microsoft.Extensions.Logging;

namespace DualHome.Hardware.Status;

/// <summary>Maps the daemon's state to LED patterns (issue 5), as pure logic: every input goes through one
/// <see cref="Transition"/>, which recomputes every LED and reports each one that changed, old → new, with the
/// input that caused it (as OpenBSD slaacd's state_transition logs each state change).</summary>
/// <remarks>
/// Per uplink LED (<see cref="ForUplink"/>): off — no carrier (or no monitor); fast blink — carrier but the ISP
/// does not answer, or still probing (Starting, or after a failure until the hold-down is served); solid — online
/// and preferred; slow blink — online but standby (deprecated by hand: the button's manual switch or the console).
/// System LED (<see cref="ForSystem"/>): button feedback while the button is held past a threshold (strobe at 3 s,
/// solid at 10 s); heartbeat while some uplink is online and preferred; slow blink while starting (some uplink still
/// probing, none online); fast blink when every uplink is down.
/// Not thread-safe: <see cref="StatusLeds"/> serialises the inputs.
/// </remarks>
public sealed class StatusModel
{
    private static readonly LedRole[] Roles = Enum.GetValues<LedRole>();
    private readonly IReadOnlyDictionary<LedRole, string> _uplinkLeds;
    private readonly ILogger _log;
    private readonly Dictionary<string, (UplinkState State, bool Preferred)> _monitors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _carrier = new(StringComparer.Ordinal);
    private readonly Dictionary<LedRole, LedPattern> _shown = [];
    private ButtonFeedback _feedback;

    /// <param name="uplinkLeds">Which uplink (by name) each uplink LED shows; roles left out show nothing.</param>
    public StatusModel(IReadOnlyDictionary<LedRole, string> uplinkLeds, ILogger log)
    {
        (_uplinkLeds, _log) = (uplinkLeds, log);
        foreach (var role in Roles) _shown[role] = LedPattern.Off;
    }

    public IReadOnlyDictionary<LedRole, LedPattern> Shown => _shown;

    public LedPattern this[LedRole led] => _shown[led];

    public ButtonFeedback Feedback => _feedback;

    /// <summary>Every LED that changed, in role order, after the input that changed it.</summary>
    public event Action<LedChange>? Changed;

    /// <summary>An uplink as its monitor reports it now (the snapshot at start).</summary>
    public void OnStatus(UplinkStatus status)
    {
        _monitors[status.Name] = (status.State, status.Preferred);
        Transition($"uplink {status.Name} {status.State.ToString().ToLowerInvariant()}, {(status.Preferred ? "preferred" : "deprecated")}");
    }

    public void OnChange(UplinkChange change)
    {
        _monitors[change.Uplink] = (change.NewState, change.Preferred);
        Transition($"uplink {change.Uplink}: {change.Reason}");
    }

    /// <summary>The uplink interface's carrier (IFF_LOWER_UP); until reported it is assumed up.</summary>
    public void OnCarrier(string uplink, bool up)
    {
        _carrier[uplink] = up;
        Transition($"uplink {uplink}: carrier {(up ? "up" : "down")}");
    }

    public void OnButton(ButtonFeedback feedback)
    {
        _feedback = feedback;
        Transition($"button {feedback}");
    }

    /// <summary>Recomputes every LED; reports (and logs) each one that changed.</summary>
    public void Transition(string reason)
    {
        foreach (var role in Roles)
        {
            var next = Compute(role);
            var old = _shown[role];
            if (next == old) continue;
            _shown[role] = next;
            HardwareLog.LedTransition(_log, role.Name(), old, next, reason);
            Changed?.Invoke(new LedChange(role, old, next, reason));
        }
    }

    public static LedPattern ForUplink(UplinkView uplink)
    {
        if (!uplink.Monitored || !uplink.Carrier) return LedPattern.Off;
        if (uplink.State != UplinkState.Up) return LedPattern.BlinkFast; // probing, or the ISP does not answer
        return uplink.Preferred ? LedPattern.On : LedPattern.BlinkSlow;
    }

    public static LedPattern ForSystem(IEnumerable<UplinkView> uplinks, ButtonFeedback feedback)
    {
        if (feedback == ButtonFeedback.Hold10) return LedPattern.On;
        if (feedback == ButtonFeedback.Hold3) return LedPattern.Flash;
        var monitored = uplinks.Where(u => u.Monitored).ToList();
        if (monitored.Any(u => ForUplink(u) == LedPattern.On)) return LedPattern.Heartbeat;
        if (monitored.Any(u => u.State == UplinkState.Starting)) return LedPattern.BlinkSlow;
        return LedPattern.BlinkFast;
    }

    private LedPattern Compute(LedRole role) => role == LedRole.System
        ? ForSystem(_monitors.Keys.Select(View), _feedback)
        : _uplinkLeds.TryGetValue(role, out var name) ? ForUplink(View(name)) : LedPattern.Off;

    /// <summary>What is known of <paramref name="uplink"/>: its monitor's last report and its carrier.</summary>
    public UplinkView View(string uplink) =>
        _monitors.TryGetValue(uplink, out var m)
            ? new UplinkView(true, m.State, m.Preferred, _carrier.GetValueOrDefault(uplink, true))
            : UplinkView.Unmonitored;
}
