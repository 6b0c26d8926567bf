using System.Device.Gpio;
using DualHome.ControlPlane.Uplinks;
using DualHome.Hardware.Boards;
using DualHome.Hardware.Buttons;
using DualHome.Hardware.Leds;
using DualHome.Hardware.Status;
using Microsoft.Extensions.Logging;

namespace DualHome.Hardware;

/// <summary>The board's LEDs and button wired to the uplinks: what the daemon creates, starts and stops. LEDs follow
/// <see cref="SiteHealth"/> (<see cref="StatusLeds"/>); the button goes through <see cref="ButtonLogic"/> to
/// <see cref="ButtonActions"/>, with threshold feedback on the system LED. Missing hardware is a warning at
/// <see cref="Start"/>; nothing here throws into the daemon after construction.</summary>
/// <example>
/// <code>
/// var profile = BoardProfileLoader.Load(config.Board.Profile);                 // BoardProfileException: config error
/// using var panel = new BoardPanel(profile, new BoardOptions(config.Board.LedClassRoot), uplinks.Health,
///     factoryReset: ResetConfiguration, TimeProvider.System, logs);
/// panel.Start();                                                               // after the monitors exist
/// uplinks.CarrierChanged += panel.OnCarrier;                                  // uplink name, carrier up
/// controlServer.Button = e => panel.Press(e);                                  // dualhomed ctl button short|hold3|hold10
/// panel.Stop();                                                                // LEDs off (or back to the kernel's trigger)
/// </code>
/// </example>
public sealed class BoardPanel : IDisposable
{
    private readonly BoardHardware _hardware;
    private readonly StatusLeds _leds;
    private readonly ButtonLogic _logic;
    private readonly ButtonActions _actions;
    private readonly IButtonSource _button;
    private readonly ILogger _log;
    private bool _started;

    /// <param name="extraLeds">More sinks per role, e.g. the demo's <see cref="MemoryLedSink"/> panel.</param>
    /// <param name="openChip">For tests: opens a GPIO chip on a fake driver instead of libgpiod.</param>
    public BoardPanel(BoardProfile profile, BoardOptions options, SiteHealth health, Action factoryReset,
        TimeProvider time, ILoggerFactory logs, IEnumerable<(LedRole Role, ILedSink Sink)>? extraLeds = null,
        Func<string, GpioController>? openChip = null)
    {
        Profile = profile;
        _log = logs.CreateLogger("DualHome.Board");
        _hardware = BoardHardware.Open(profile, options, time, _log, openChip);
        var uplinks = health.Uplinks.Select(u => (u.Name, u.Config.Interface)).ToList();
        var binding = UplinkLedBinding.Bind(profile.Interfaces.ForUplinkLeds(), uplinks);
        _leds = new StatusLeds(health, _hardware.Leds.Concat(extraLeds ?? []), binding, _log);
        _actions = new ButtonActions(health, factoryReset, _log);
        _logic = new ButtonLogic(time, _log);
        _logic.FeedbackChanged += _leds.ShowButton;
        _logic.Pressed += e => _actions.Handle(e);
        _button = _hardware.OpenButton(_logic.OnRawEdge);
        var button = _button is NullButtonSource ? "none" : profile.Button!.Describe();
        HardwareLog.BoardOpened(_log, profile.Name, profile.Leds.Count, button, profile.Source);
    }

    public BoardProfile Profile { get; }

    /// <summary>What every LED shows now.</summary>
    public IReadOnlyDictionary<LedRole, LedPattern> Leds => _leds.Snapshot();

    /// <summary>The uplink the button put on standby, if any.</summary>
    public string? Standby => _actions.Standby;

    public void Start()
    {
        if (_started) return;
        _started = true;
        _leds.Start();
        _actions.Start();
        _button.Start();
    }

    public void Stop()
    {
        if (!_started) return;
        _started = false;
        _actions.Dispose();
        _leds.Stop();
    }

    /// <summary>An uplink interface's carrier (from the daemon's carrier watcher): off means the LED goes dark.</summary>
    public void OnCarrier(string uplink, bool up) => _leds.OnCarrier(uplink, up);

    /// <summary>The same actions as the physical button (<c>dualhomed ctl button short|hold3|hold10</c>).</summary>
    public ButtonResult Press(ButtonEvent e) => _actions.Handle(e);

    public void Dispose()
    {
        Stop();
        _button.Dispose();
        _logic.Dispose();
        _hardware.Dispose();
    }
}
