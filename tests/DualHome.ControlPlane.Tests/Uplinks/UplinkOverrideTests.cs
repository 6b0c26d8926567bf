using DualHome.ControlPlane.Uplinks;

namespace DualHome.ControlPlane.Tests.Uplinks;

public class UplinkOverrideTests
{
    [Theory]
    [InlineData(UplinkOverride.Auto, UplinkState.Starting, false)]
    [InlineData(UplinkOverride.Auto, UplinkState.Up, true)]
    [InlineData(UplinkOverride.Auto, UplinkState.Down, false)]
    [InlineData(UplinkOverride.ForceDown, UplinkState.Starting, false)]
    [InlineData(UplinkOverride.ForceDown, UplinkState.Up, false)]
    [InlineData(UplinkOverride.ForceDown, UplinkState.Down, false)]
    [InlineData(UplinkOverride.ForceUp, UplinkState.Starting, true)]
    [InlineData(UplinkOverride.ForceUp, UplinkState.Up, true)]
    [InlineData(UplinkOverride.ForceUp, UplinkState.Down, true)]
    public void OverrideTakesPrecedenceOverHealth(UplinkOverride mode, UplinkState state, bool preferred) =>
        Assert.Equal(preferred, mode.Preferred(state));

    [Theory]
    [InlineData("auto", UplinkOverride.Auto)]
    [InlineData("force-down", UplinkOverride.ForceDown)]
    [InlineData("Force-Up", UplinkOverride.ForceUp)]
    public void ControlNamesRoundTrip(string text, UplinkOverride mode)
    {
        Assert.True(UplinkOverrides.TryParse(text, out var parsed));
        Assert.Equal(mode, parsed);
        Assert.Equal(text.ToLowerInvariant(), parsed.Name());
    }

    [Theory]
    [InlineData("")]
    [InlineData("down")]
    [InlineData("ForceDown")]
    public void OtherNamesAreRejected(string text) => Assert.False(UplinkOverrides.TryParse(text, out _));
}
