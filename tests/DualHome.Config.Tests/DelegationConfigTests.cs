using System.Net;

namespace DualHome.Config.Tests;

/// <summary>Issue 8: "LanPrefix": "dhcpv6-pd" (or omitted) takes the LAN /64 from the ISP's delegation.</summary>
public class DelegationConfigTests
{
    private const string StaticA = "\"LanPrefix\": \"2001:db8:a:1::/64\"";

    [Theory]
    [InlineData("\"LanPrefix\": \"dhcpv6-pd\"")]
    [InlineData("\"LanPrefix\": \"DHCPv6-PD\"")]
    [InlineData("\"LanPrefix\": \"\"")]
    [InlineData("\"Probe\": { }, \"SubnetId\": 0")] // LanPrefix omitted altogether
    public void Dhcpv6_pd_or_nothing_asks_the_isp(string replace)
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With(StaticA + ",", replace.StartsWith("\"Probe\"", StringComparison.Ordinal) ? "" : replace + ","));
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        var a = r.Config!.Uplinks[0];
        Assert.True(a.IsDelegated);
        Assert.Null(a.LanPrefix); // known only once the ISP delegates
        Assert.Equal(new PrefixDelegationConfig(0, null), a.Delegation);
        Assert.False(r.Config.Uplinks[1].IsDelegated);
    }

    [Fact]
    public void SubnetId_and_hint_are_read()
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With(StaticA, "\"LanPrefix\": \"dhcpv6-pd\", \"SubnetId\": 17, \"PrefixLengthHint\": 56"));
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        Assert.Equal(new PrefixDelegationConfig(17, 56), r.Config!.Uplinks[0].Delegation);
    }

    [Theory]
    [InlineData("\"SubnetId\": -1", "Uplinks.a.SubnetId", "-1")]
    [InlineData("\"PrefixLengthHint\": 65", "Uplinks.a.PrefixLengthHint", "65")]
    [InlineData("\"PrefixLengthHint\": 0", "Uplinks.a.PrefixLengthHint", "0")]
    public void Bad_delegation_settings_name_the_key(string setting, string key, string value)
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With(StaticA, $"\"LanPrefix\": \"dhcpv6-pd\", {setting}"));
        Assert.False(r.Ok);
        Assert.Contains(value, Assert.Single(r.Errors, e => e.Key == key).Message);
    }

    [Fact]
    public void SubnetId_with_a_static_prefix_is_a_warning_not_silence()
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With(StaticA, StaticA + ", \"SubnetId\": 3"));
        Assert.True(r.Ok);
        Assert.Contains(r.Issues, i => i.Key == "Uplinks.a.SubnetId" && i.Message.Contains("ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_delegated_uplinks_are_not_a_duplicate_prefix()
    {
        var json = SampleConfigs.With(StaticA, "\"LanPrefix\": \"dhcpv6-pd\"").Replace("\"LanPrefix\": \"2001:db8:b:1::/64\"", "\"LanPrefix\": \"dhcpv6-pd\"", StringComparison.Ordinal);
        var r = ConfigLoader.LoadJson(json);
        Assert.True(r.Ok, string.Join("\n", r.Issues));
    }

    [Fact]
    public void The_effective_configuration_says_dhcpv6_pd_and_loads_back_the_same()
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With(StaticA, "\"LanPrefix\": \"dhcpv6-pd\", \"SubnetId\": 2, \"PrefixLengthHint\": 60"));
        var json = EffectiveConfigWriter.ToJson(r.Config!);
        Assert.Contains("\"LanPrefix\": \"dhcpv6-pd\"", json);
        var again = ConfigLoader.LoadJson(json);
        Assert.True(again.Ok, string.Join("\n", again.Issues));
        Assert.Equal(r.Config!.Uplinks[0].Delegation, again.Config!.Uplinks[0].Delegation);
        Assert.Equal(IPNetwork.Parse("2001:db8:b:1::/64"), again.Config.Uplinks[1].LanPrefix);
    }

    [Fact]
    public void No_gateway_means_learn_it_from_the_isps_router_advertisements()
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With("\"Gateway\": \"fe80::1\", ", ""));
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        Assert.True(r.Config!.Uplinks[0].LearnsGateway);
        Assert.Null(r.Config.Uplinks[0].Gateway);
        Assert.False(r.Config.Uplinks[1].LearnsGateway);
        var again = ConfigLoader.LoadJson(EffectiveConfigWriter.ToJson(r.Config));
        Assert.True(again.Ok, string.Join("\n", again.Issues));
        Assert.True(again.Config!.Uplinks[0].LearnsGateway);
    }
}
