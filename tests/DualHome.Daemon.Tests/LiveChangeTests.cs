using DualHome.Config;
using DualHome.Daemon.Configuration;

namespace DualHome.Daemon.Tests;

/// <summary>Which committed changes apply live and which restart the router.</summary>
public sealed class LiveChangeTests
{
    private static SiteConfig Load(string json) => ConfigLoader.LoadJson(json).Config ?? throw new InvalidOperationException(json);
    private static readonly SiteConfig Base = Load(Configs.Site());

    [Theory]
    [InlineData("\"IntervalMs\": 100", "\"IntervalMs\": 250")]
    [InlineData("\"Dns\": [\"2001:db8:a:1::53\"]", "\"Dns\": [\"2001:db8:a:1::54\"]")]
    [InlineData("\"Dns\": [\"2001:db8:a:1::53\"] }", "\"Dns\": [\"2001:db8:a:1::53\"], \"Ra\": { \"HopLimit\": 32 } }")]
    public void ProbeDnsAndRaContent_AreLive(string find, string replace) =>
        Assert.True(LiveChange.IsLive(Base, Load(Configs.Site().Replace(find, replace))));

    [Theory]
    [InlineData("\"Interface\": \"lan0\"", "\"Interface\": \"lan1\"")]
    [InlineData("\"LanPrefix\": \"2001:db8:a:1::/64\"", "\"LanPrefix\": \"2001:db8:a:2::/64\"")]
    [InlineData("\"Dns\": [\"2001:db8:a:1::53\"] }", "\"Dns\": [\"2001:db8:a:1::53\"], \"Ra\": { \"MaxIntervalSeconds\": 30 } }")]
    [InlineData("\"Targets\": [\"2001:db8:ffff::1\"], ", "")]
    [InlineData("\"LanPrefix\": \"2001:db8:a:1::/64\"", "\"LanPrefix\": \"dhcpv6-pd\"")]
    public void InterfacesPrefixesIntervalsAndProbingMode_NeedARestart(string find, string replace)
    {
        var next = Load(Configs.Site().Replace(find, replace));
        Assert.False(LiveChange.IsLive(Base, next));
    }

    [Fact]
    public void Same_ComparesContentNotListReferences() => Assert.True(LiveChange.Same(Base, Load(Configs.Site())));
}
