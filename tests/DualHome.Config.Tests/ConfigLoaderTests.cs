using System.Net;

namespace DualHome.Config.Tests;

public class ConfigLoaderTests
{
    [Fact]
    public void ValidSampleLoadsWithDefaultsFilledIn()
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.Valid);
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        Assert.Empty(r.Issues);
        var c = r.Config!;
        Assert.Equal("lan0", c.Lan.Interface);
        Assert.Equal([IPAddress.Parse("2001:db8:a:1::53")], c.Lan.Dns);
        Assert.Equal(TimeSpan.FromSeconds(3), c.Lan.Ra.MinInterval);
        Assert.Equal(30, c.Lan.Ra.RouterLifetimeSeconds); // 3 × Max, RFC 4861 §6.2.1
        Assert.Equal(2700u, c.Lan.Ra.PreferredLifetimeSeconds);
        Assert.Equal(2, c.Uplinks.Count);
        Assert.Equal(IPNetwork.Parse("2001:db8:b:1::/64"), c.Uplinks[1].LanPrefix);
        Assert.Equal(TimeSpan.FromMilliseconds(100), c.Uplinks[1].Probe.Interval);
        Assert.Equal(new DataPlaneConfig("kernel", 1), c.DataPlane);
        Assert.Equal(new BoardConfig("none", null), c.Board);
    }

    [Fact]
    public void MinIntervalDefaultsToAThirdOfMax()
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With("\"MinIntervalSeconds\": 3, \"MaxIntervalSeconds\": 10", "\"MaxIntervalSeconds\": 600"));
        Assert.True(r.Ok, string.Join("\n", r.Issues));
        Assert.Equal(198, r.Config!.Lan.Ra.MinInterval.TotalSeconds, 3);
        Assert.Equal(1800, r.Config.Lan.Ra.RouterLifetimeSeconds);
    }

    [Theory]
    [InlineData("\"LanPrefix\": \"2001:db8:a:1::/64\"", "\"LanPrefix\": \"2001:db8:a::/48\"", "Uplinks.a.LanPrefix", "/48")]
    [InlineData("\"LanPrefix\": \"2001:db8:a:1::/64\"", "\"LanPrefix\": \"banana\"", "Uplinks.a.LanPrefix", "banana")]
    [InlineData("\"LanPrefix\": \"2001:db8:a:1::/64\"", "\"LanPrefix\": \"192.0.2.0/24\"", "Uplinks.a.LanPrefix", "192.0.2.0/24")]
    [InlineData("\"Name\": \"b\"", "\"Name\": \"a\"", "Uplinks.Name", "'a'")]
    [InlineData("\"Interface\": \"wanb\"", "\"Interface\": \"wana\"", "Uplinks.Interface", "'wana'")]
    [InlineData("\"LanPrefix\": \"2001:db8:b:1::/64\"", "\"LanPrefix\": \"2001:db8:a:1::/64\"", "Uplinks.LanPrefix", "2001:db8:a:1::/64")]
    [InlineData("\"Interface\": \"wana\"", "\"Interface\": \"\"", "Uplinks.a.Interface", "required")]
    [InlineData("\"Interface\": \"lan0\"", "\"Interface\": \"\"", "Lan.Interface", "required")]
    [InlineData("\"MaxIntervalSeconds\": 10", "\"MaxIntervalSeconds\": 3", "Lan.Ra.MaxIntervalSeconds", "4..1800")]
    [InlineData("\"MaxIntervalSeconds\": 10", "\"MaxIntervalSeconds\": 1801", "Lan.Ra.MaxIntervalSeconds", "1801")]
    [InlineData("\"MinIntervalSeconds\": 3", "\"MinIntervalSeconds\": 2", "Lan.Ra.MinIntervalSeconds", "2")]
    [InlineData("\"MinIntervalSeconds\": 3", "\"MinIntervalSeconds\": 8", "Lan.Ra.MinIntervalSeconds", "0.75")]
    [InlineData("\"Gateway\": \"fe80::1\"", "\"Gateway\": \"10.0.0.1\"", "Uplinks.a.Gateway", "10.0.0.1")]
    [InlineData("\"Dns\": [\"2001:db8:a:1::53\"]", "\"Dns\": [\"nope\"]", "Lan.Dns.0", "nope")]
    [InlineData("\"IntervalMs\": 100", "\"IntervalMs\": 5", "Uplinks.a.Probe.IntervalMs", "5")]
    [InlineData("\"Targets\": [\"2001:db8:ffff::1\"]", "\"Targets\": [\"x\"]", "Uplinks.a.Probe.Targets.0", "'x'")]
    [InlineData("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }", "\"DataPlane\": { \"Mode\": \"xdp\" }", "DataPlane.Mode", "xdp")]
    [InlineData("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }", "\"DataPlane\": { \"Mode\": \"packet\", \"Workers\": 0 }", "DataPlane.Workers", "1..16")]
    [InlineData("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }", "\"DataPlane\": { \"Mode\": \"packet\", \"RealtimePriority\": 100 }", "DataPlane.RealtimePriority", "0..99")]
    [InlineData("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }", "\"DataPlane\": { \"Mode\": \"packet\", \"RingFrames\": 100 }", "DataPlane.RingFrames", "512..65536")]
    [InlineData("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }", "\"DataPlane\": { \"Mode\": \"packet\", \"RingFrames\": 1001 }", "DataPlane.RingFrames", "multiple of 8")]
    [InlineData("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }", "\"DataPlane\": { \"Mode\": \"packet\", \"CoalesceMicroseconds\": -1 }", "DataPlane.CoalesceMicroseconds", "0..1000")]
    [InlineData("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }", "\"DataPlane\": { \"Mode\": \"packet\", \"Cpus\": [\"1\", \"one\"] }", "DataPlane.Cpus.1", "'one'")]
    [InlineData("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }", "\"DataPlane\": { \"Mode\": \"packet\", \"Cpus\": [\"1024\"] }", "DataPlane.Cpus.0", "0..1023")]
    [InlineData("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }", "\"Peers\": { \"Mode\": \"on\" }", "Peers.Mode", "'on'")]
    [InlineData("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }", "\"Peers\": { \"Mode\": \"auto\", \"HeartbeatIntervalMs\": 5 }", "Peers.HeartbeatIntervalMs", "10..10000")]
    [InlineData("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }", "\"Peers\": { \"Mode\": \"auto\", \"DeadAfter\": 1 }", "Peers.DeadAfter", "2..100")]
    [InlineData("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }", "\"Peers\": { \"Mode\": \"auto\", \"Port\": 70000 }", "Peers.Port", "70000")]
    public void InvalidValueIsRejectedNamingKeyAndValue(string find, string replace, string key, string valueText)
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With(find, replace));
        Assert.False(r.Ok);
        var error = Assert.Single(r.Errors, e => e.Key == key);
        Assert.Contains(valueText, error.Message);
    }

    [Fact]
    public void PeersDefaultToOffWithAHeartbeatAtTheProbeCadence()
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }",
            "\"Peers\": { \"Mode\": \"auto\", \"DeadAfter\": 4 }"));
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal(new PeersConfig("auto", TimeSpan.FromMilliseconds(100), 4, 49380), r.Config!.Peers);
        Assert.True(r.Config.LearnsPeers);
    }

    [Fact]
    public void PacketModeWithTwoWorkersIsAccepted()
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }",
            "\"DataPlane\": { \"Mode\": \"packet\", \"Workers\": 2 }"));
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal(new DataPlaneConfig("packet", 2), r.Config!.DataPlane);
        Assert.True(r.Config.DataPlane.IsPacket);
        Assert.Equal(8192, r.Config.DataPlane.RingFrames);
        Assert.Equal(TimeSpan.FromMicroseconds(50), r.Config.DataPlane.Coalesce);
        Assert.True(r.Config.DataPlane.IngressDrop);
        Assert.True(r.Config.DataPlane.CarriesOffloads);
    }

    [Fact]
    public void OffloadsAreCarriedOrOff_AnythingElseNamesTheKey()
    {
        var off = ConfigLoader.LoadJson(SampleConfigs.With("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }",
            "\"DataPlane\": { \"Mode\": \"packet\", \"Offloads\": \"off\" }"));
        Assert.True(off.Ok, string.Join("; ", off.Errors));
        Assert.False(off.Config!.DataPlane.CarriesOffloads);
        Assert.NotEqual(new DataPlaneConfig("packet", 1), off.Config.DataPlane);

        var bad = ConfigLoader.LoadJson(SampleConfigs.With("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }",
            "\"DataPlane\": { \"Mode\": \"packet\", \"Offloads\": \"vnet\" }"));
        Assert.False(bad.Ok);
        Assert.Equal("DataPlane.Offloads", Assert.Single(bad.Errors).Key);
    }

    [Fact]
    public void WorkersArePinnedRoundRobinOverTheListedCpus()
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }",
            "\"DataPlane\": { \"Mode\": \"packet\", \"Workers\": 3, \"Cpus\": [\"3\", \"2\"] }"));
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        var d = r.Config!.DataPlane;
        Assert.Equal([3, 2, 3], new[] { d.CpuOf(0), d.CpuOf(1), d.CpuOf(2) });
        Assert.Equal(new DataPlaneConfig("packet", 3, Cpus: [3, 2]), d);
        Assert.Null(new DataPlaneConfig("packet", 1).CpuOf(0));
    }

    [Fact]
    public void RingDepthAndCoalescingAreRead()
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }",
            "\"DataPlane\": { \"Mode\": \"packet\", \"RingFrames\": 2048, \"CoalesceMicroseconds\": 0, \"IngressDrop\": false }"));
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal(new DataPlaneConfig("packet", 1, RingFrames: 2048, CoalesceMicroseconds: 0, IngressDrop: false), r.Config!.DataPlane);
    }

    [Fact]
    public void NonNumericIntervalNamesTheKey()
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With("\"IntervalMs\": 100", "\"IntervalMs\": \"fast\""));
        Assert.False(r.Ok);
        Assert.Equal("Uplinks.0.Probe.IntervalMs", Assert.Single(r.Errors).Key);
    }

    [Fact]
    public void UnknownKeyIsAWarningNotSilence()
    {
        var r = ConfigLoader.LoadJson(SampleConfigs.With("\"Interface\": \"lan0\"", "\"Interface\": \"lan0\", \"Intreface\": \"x\""));
        Assert.True(r.Ok);
        var w = Assert.Single(r.Warnings);
        Assert.Equal("Lan.Intreface", w.Key);
    }

    [Fact]
    public void BrokenJsonIsAnErrorNotAnException()
    {
        var r = ConfigLoader.LoadJson("{ \"Lan\": ");
        Assert.False(r.Ok);
        Assert.Contains("not valid JSON", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void MissingFileIsAnError()
    {
        var r = ConfigLoader.LoadFile("/nonexistent/dualhome.json");
        Assert.False(r.Ok);
        Assert.Contains("/nonexistent/dualhome.json", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void NoUplinksIsAnError()
    {
        var r = ConfigLoader.LoadJson("""{ "Lan": { "Interface": "lan0" } }""");
        Assert.Contains(r.Errors, e => e.Key == "Uplinks");
    }

    [Fact]
    public void EffectiveConfigRoundTripsThroughTheLoader()
    {
        var first = ConfigLoader.LoadJson(SampleConfigs.Valid).Config!;
        string printed = EffectiveConfigWriter.ToJson(first);
        var second = ConfigLoader.LoadJson(printed);
        Assert.True(second.Ok, string.Join("\n", second.Issues));
        Assert.Empty(second.Warnings);
        Assert.Equal(printed, EffectiveConfigWriter.ToJson(second.Config!));
    }
}
