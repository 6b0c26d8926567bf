using DualHome.ControlPlane.Uplinks;
using DualHome.Hardware.Buttons;
using Microsoft.Extensions.Logging.Abstractions;
using static DualHome.ControlPlane.Uplinks.UplinkOverride;

namespace DualHome.Hardware.Tests.Buttons;

/// <summary>The button's actions on real uplink monitors probing in-memory ISPs.</summary>
public sealed class ButtonActionsTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly ButtonActions _actions;
    private int _resets;

    public ButtonActionsTests()
    {
        _actions = new ButtonActions(_site.Health, () => _resets++, NullLogger.Instance);
        _actions.Start();
    }

    public void Dispose()
    {
        _actions.Dispose();
        _site.Dispose();
    }

    private (UplinkOverride, bool, UplinkOverride, bool) State =>
        (_site.A.Current.Override, _site.A.Current.Preferred, _site.B.Current.Override, _site.B.Current.Preferred);

    [Fact]
    public void ShortPressPutsThePreferredUplinkOnStandbySoHostsMoveToTheOther()
    {
        _site.Online();
        var result = _actions.Handle(ButtonEvent.Short);
        Assert.Equal(ButtonOutcome.SwitchedAway, result.Outcome);
        Assert.Equal((ForceDown, false, Auto, true), State);
        Assert.Equal("isp-a", _actions.Standby);
        Assert.Contains("isp-b", result.Message);
    }

    [Fact]
    public void ASecondShortPressReturnsToAutomatic()
    {
        _site.Online();
        _actions.Handle(ButtonEvent.Short);
        var result = _actions.Handle(ButtonEvent.Short);
        Assert.Equal(ButtonOutcome.BackToAutomatic, result.Outcome);
        Assert.Equal((Auto, true, Auto, true), State);
        Assert.Null(_actions.Standby);
    }

    [Fact]
    public void WhenOnlyOneUplinkIsOnlineThereIsNowhereToSwitch()
    {
        _site.IspB.Dead = true;
        _site.StartExpecting(expectB: false);
        var result = _actions.Handle(ButtonEvent.Short);
        Assert.Equal(ButtonOutcome.NothingToSwitch, result.Outcome);
        Assert.Equal((Auto, true, Auto, false), State);
    }

    [Fact]
    public void WhenTheOnlyOnlineUplinkIsBTheButtonStillKeepsItPreferred()
    {
        _site.IspA.Dead = true;
        _site.StartExpecting(expectA: false);
        Assert.Equal(ButtonOutcome.NothingToSwitch, _actions.Handle(ButtonEvent.Short).Outcome);
        Assert.True(_site.B.Current.Preferred);
    }

    [Fact]
    public void AShortPressAfterAConsoleOverrideReturnsToAutomatic()
    {
        _site.Online();
        _site.B.SetOverride(ForceUp);
        Assert.Equal(ButtonOutcome.BackToAutomatic, _actions.Handle(ButtonEvent.Short).Outcome);
        Assert.Equal((Auto, true, Auto, true), State);
    }

    [Fact]
    public void Hold3ClearsEveryOverride()
    {
        _site.Online();
        _site.A.SetOverride(ForceDown);
        _site.B.SetOverride(ForceUp);
        Assert.Equal(ButtonOutcome.AllAutomatic, _actions.Handle(ButtonEvent.Hold3).Outcome);
        Assert.Equal((Auto, true, Auto, true), State);
    }

    [Fact]
    public void Hold10RunsTheFactoryReset()
    {
        _site.Online();
        Assert.Equal(ButtonOutcome.FactoryReset, _actions.Handle(ButtonEvent.Hold10).Outcome);
        Assert.Equal(1, _resets);
    }

    [Fact]
    public void AFailingFactoryResetIsReportedNotThrown()
    {
        using var actions = new ButtonActions(_site.Health, () => throw new IOException("read-only file system"), NullLogger.Instance);
        var result = actions.Handle(ButtonEvent.Hold10);
        Assert.Equal(ButtonOutcome.FactoryResetFailed, result.Outcome);
        Assert.Contains("read-only file system", result.Message);
    }

    [Fact]
    public void FailsafeTheStandbyUplinkComesBackWhenTheOtherFails()
    {
        _site.Online();
        _actions.Handle(ButtonEvent.Short);
        _site.IspB.Dead = true;
        _site.Run(500);
        Assert.Equal((Auto, true, Auto, false), State);
        Assert.Null(_actions.Standby);
    }

    [Fact]
    public void FailsafeDoesNotOverrideAStandbyWhoseIspIsDeadToo()
    {
        _site.Online();
        _actions.Handle(ButtonEvent.Short);
        _site.IspA.Dead = true;
        _site.Run(500);            // A (on standby) fails first
        _site.IspB.Dead = true;
        _site.Run(500);            // then B: returning to A would not help
        Assert.Equal(ForceDown, _site.A.Current.Override);
        _site.IspA.Dead = false;   // A answers again: now it is the only working one
        _site.Run(2000);
        Assert.Equal((Auto, true, Auto, false), State);
    }

    [Fact]
    public void FailsafeLeavesAConsoleOverrideAlone()
    {
        _site.Online();
        _site.A.SetOverride(ForceDown);  // by the console, not the button
        _site.IspB.Dead = true;
        _site.Run(500);
        Assert.Equal(ForceDown, _site.A.Current.Override);
    }
}
