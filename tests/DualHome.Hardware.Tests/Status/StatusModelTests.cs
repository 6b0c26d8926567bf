using DualHome.ControlPlane.Uplinks;
using DualHome.Hardware.Leds;
using DualHome.Hardware.Status;
using Microsoft.Extensions.Logging.Abstractions;
using static DualHome.ControlPlane.Uplinks.UplinkState;
using static DualHome.Hardware.Leds.LedPattern;

namespace DualHome.Hardware.Tests.Status;

public class StatusModelTests
{
    private readonly StatusModel _model = new(new Dictionary<LedRole, string> { [LedRole.WanA] = "a", [LedRole.WanB] = "b" },
        NullLogger.Instance);
    private readonly List<LedChange> _changes = [];

    public StatusModelTests() => _model.Changed += _changes.Add;

    private static UplinkStatus Status(string name, UplinkState state, bool preferred,
        UplinkOverride mode = UplinkOverride.Auto) =>
        new(name, state, mode, preferred, TimeSpan.Zero, 0, null, 0, 0, 0);

    private static UplinkChange Change(string name, UplinkState from, UplinkState to, bool wasPreferred, bool preferred,
        UplinkOverride mode = UplinkOverride.Auto, string reason = "test") =>
        new(name, from, to, mode, wasPreferred, preferred, reason, DateTimeOffset.UnixEpoch);

    private (LedPattern System, LedPattern A, LedPattern B) Shown =>
        (_model[LedRole.System], _model[LedRole.WanA], _model[LedRole.WanB]);

    // Every combination an uplink LED can see (issue 5): off = no carrier; fast = carrier but the ISP is not
    // (yet) known to answer; solid = online and preferred; slow = online but standby.
    [Theory]
    [InlineData(true, Starting, false, true, BlinkFast)]
    [InlineData(true, Starting, false, false, Off)]
    [InlineData(true, Starting, true, true, BlinkFast)]   // force-up while probing: not known online
    [InlineData(true, Up, true, true, On)]
    [InlineData(true, Up, false, true, BlinkSlow)]        // online, deprecated by hand: standby
    [InlineData(true, Up, true, false, Off)]              // carrier lost before the monitor noticed
    [InlineData(true, Up, false, false, Off)]
    [InlineData(true, Down, false, true, BlinkFast)]      // carrier but the ISP does not answer
    [InlineData(true, Down, true, true, BlinkFast)]       // force-up on a dead ISP: still says it is dead
    [InlineData(true, Down, false, false, Off)]
    [InlineData(true, Down, true, false, Off)]
    [InlineData(false, Up, true, true, Off)]              // no monitor: nothing to show
    public void UplinkLedForEveryState(bool monitored, UplinkState state, bool preferred, bool carrier, LedPattern expected) =>
        Assert.Equal(expected, StatusModel.ForUplink(new UplinkView(monitored, state, preferred, carrier)));

    public static TheoryData<UplinkView[], ButtonFeedback, LedPattern> SystemCases => new()
    {
        { [View(Up, true), View(Down, false)], ButtonFeedback.None, Heartbeat },
        { [View(Up, true), View(Up, true)], ButtonFeedback.None, Heartbeat },
        { [View(Starting, false), View(Starting, false)], ButtonFeedback.None, BlinkSlow },
        { [View(Starting, false), View(Down, false)], ButtonFeedback.None, BlinkSlow },
        { [View(Down, false), View(Down, false)], ButtonFeedback.None, BlinkFast },
        { [View(Down, false), View(Up, false)], ButtonFeedback.None, BlinkFast },    // the only live one on standby
        { [View(Up, true, carrier: false), View(Down, false)], ButtonFeedback.None, BlinkFast },
        { [], ButtonFeedback.None, BlinkFast },
        { [UplinkView.Unmonitored], ButtonFeedback.None, BlinkFast },
        { [View(Up, true), View(Up, true)], ButtonFeedback.Hold3, Flash },
        { [View(Down, false), View(Down, false)], ButtonFeedback.Hold3, Flash },
        { [View(Up, true), View(Up, true)], ButtonFeedback.Hold10, On },
    };

    private static UplinkView View(UplinkState state, bool preferred, bool carrier = true) => new(true, state, preferred, carrier);

    [Theory]
    [MemberData(nameof(SystemCases))]
    public void SystemLedForEveryCase(UplinkView[] uplinks, ButtonFeedback feedback, LedPattern expected) =>
        Assert.Equal(expected, StatusModel.ForSystem(uplinks, feedback));

    [Fact]
    public void BeforeAnyInputEveryLedIsOff() => Assert.Equal((Off, Off, Off), Shown);

    [Fact]
    public void StartShowsStartingThenOnlineAsTheUplinksComeUp()
    {
        _model.OnStatus(Status("a", Starting, false));
        _model.OnStatus(Status("b", Starting, false));
        Assert.Equal((BlinkSlow, BlinkFast, BlinkFast), Shown);
        _model.OnChange(Change("a", Starting, Up, false, true));
        Assert.Equal((Heartbeat, On, BlinkFast), Shown);
        _model.OnChange(Change("b", Starting, Up, false, true));
        Assert.Equal((Heartbeat, On, On), Shown);
    }

    [Fact]
    public void IspFailureBlinksFastAndRecoveryIsSolidAgain()
    {
        _model.OnStatus(Status("a", Up, true));
        _model.OnStatus(Status("b", Up, true));
        _model.OnChange(Change("a", Up, Down, true, false, reason: "3 probe rounds without a reply"));
        Assert.Equal((Heartbeat, BlinkFast, On), Shown);
        _model.OnChange(Change("a", Down, Up, false, true));
        Assert.Equal((Heartbeat, On, On), Shown);
    }

    [Fact]
    public void CarrierLossDarkensTheLedAndItsReturnBlinksUntilTheIspAnswers()
    {
        _model.OnStatus(Status("a", Up, true));
        _model.OnStatus(Status("b", Up, true));
        _model.OnCarrier("a", false);
        Assert.Equal(Off, _model[LedRole.WanA]);
        _model.OnChange(Change("a", Up, Down, true, false, reason: "carrier lost"));
        Assert.Equal(Off, _model[LedRole.WanA]);
        _model.OnCarrier("a", true);
        Assert.Equal(BlinkFast, _model[LedRole.WanA]);
        _model.OnChange(Change("a", Down, Up, false, true));
        Assert.Equal(On, _model[LedRole.WanA]);
    }

    [Fact]
    public void EveryUplinkDownBlinksTheSystemLedFast()
    {
        _model.OnStatus(Status("a", Up, true));
        _model.OnStatus(Status("b", Down, false));
        _model.OnChange(Change("a", Up, Down, true, false));
        Assert.Equal((BlinkFast, BlinkFast, BlinkFast), Shown);
        _model.OnCarrier("b", false);
        Assert.Equal((BlinkFast, BlinkFast, Off), Shown);
    }

    [Fact]
    public void AManualStandbyBlinksSlowAndAutoIsSolidAgain()
    {
        _model.OnStatus(Status("a", Up, true));
        _model.OnStatus(Status("b", Up, true));
        _model.OnChange(Change("a", Up, Up, true, false, UplinkOverride.ForceDown, "override force-down"));
        Assert.Equal((Heartbeat, BlinkSlow, On), Shown);
        _model.OnChange(Change("a", Up, Up, false, true, UplinkOverride.Auto, "override auto"));
        Assert.Equal((Heartbeat, On, On), Shown);
    }

    [Fact]
    public void ButtonFeedbackTakesTheSystemLedAndGivesItBack()
    {
        _model.OnStatus(Status("a", Up, true));
        _model.OnButton(ButtonFeedback.Hold3);
        Assert.Equal(Flash, _model[LedRole.System]);
        _model.OnButton(ButtonFeedback.Hold10);
        Assert.Equal(On, _model[LedRole.System]);
        _model.OnChange(Change("a", Up, Down, true, false)); // the state moves on underneath
        Assert.Equal(On, _model[LedRole.System]);
        _model.OnButton(ButtonFeedback.None);
        Assert.Equal(BlinkFast, _model[LedRole.System]);
        Assert.Equal(BlinkFast, _model[LedRole.WanA]);
    }

    [Fact]
    public void EachInputReportsOnlyTheLedsItChangedOldToNew()
    {
        _model.OnStatus(Status("a", Starting, false));
        _model.OnStatus(Status("b", Starting, false));
        _changes.Clear();
        _model.OnChange(Change("a", Starting, Up, false, true, reason: "5 probe rounds answered"));
        Assert.Equal(
            [
                new LedChange(LedRole.System, BlinkSlow, Heartbeat, "uplink a: 5 probe rounds answered"),
                new LedChange(LedRole.WanA, BlinkFast, On, "uplink a: 5 probe rounds answered"),
            ],
            _changes);
        _changes.Clear();
        _model.OnChange(Change("a", Up, Up, true, true, reason: "override force-up"));
        Assert.Empty(_changes);
    }

    [Fact]
    public void AnUplinkWithoutALedStillCountsForTheSystemLed()
    {
        _model.OnStatus(Status("c", Up, true));
        Assert.Equal((Heartbeat, Off, Off), Shown);
    }

    [Fact]
    public void CarrierReportedBeforeTheMonitorIsKept()
    {
        _model.OnCarrier("a", false);
        _model.OnStatus(Status("a", Starting, false));
        Assert.Equal(Off, _model[LedRole.WanA]);
        Assert.False(_model.View("a").Carrier);
    }
}
