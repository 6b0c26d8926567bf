using DualHome.Config.Host;

namespace DualHome.Config.Tests;

/// <summary>Issue 11: the host-mode file.</summary>
public sealed class HostConfigTests
{
    private const string Minimal = """{ "Interface": "eth0", "Probe": { "Targets": ["2001:db8:ffff::1"] } }""";

    [Fact]
    public void A_minimal_file_gets_the_documented_defaults()
    {
        var r = HostConfigLoader.LoadJson(Minimal);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        var c = r.Config!;
        Assert.Equal("eth0", c.Interface);
        Assert.Equal(TimeSpan.FromMilliseconds(100), c.Probe.Interval);
        Assert.Equal((3, 5), (c.Probe.DownAfter, c.Probe.UpAfter));
        Assert.Equal(new MptcpConfig(true, 2), c.Mptcp);
        Assert.Equal(new ExitConfig(true, 20, 0.20, 2.0, TimeSpan.FromMilliseconds(20)), c.Exit);
    }

    [Theory]
    [InlineData("""{ "Probe": { "Targets": ["2001:db8:ffff::1"] } }""", "Interface", "required")]
    [InlineData("""{ "Interface": "eth0" }""", "Probe.Targets", "at least one")]
    [InlineData("""{ "Interface": "eth0", "Probe": { "Targets": ["x"] } }""", "Probe.Targets.0", "'x'")]
    [InlineData("""{ "Interface": "eth0", "Probe": { "Targets": ["2001:db8:ffff::1"] }, "Mptcp": { "Mode": "fullmesh" } }""", "Mptcp.Mode", "fullmesh")]
    [InlineData("""{ "Interface": "eth0", "Probe": { "Targets": ["2001:db8:ffff::1"] }, "Mptcp": { "MaxSubflows": 9 } }""", "Mptcp.MaxSubflows", "1..8")]
    [InlineData("""{ "Interface": "eth0", "Probe": { "Targets": ["2001:db8:ffff::1"] }, "Exit": { "LossPercent": 0 } }""", "Exit.LossPercent", "1..99")]
    [InlineData("""{ "Interface": "eth0", "Probe": { "Targets": ["2001:db8:ffff::1"] }, "Exit": { "RttFactor": 1.0 } }""", "Exit.RttFactor", "1.1..100")]
    [InlineData("""{ "Interface": "eth0", "Probe": { "Targets": ["2001:db8:ffff::1"], "IntervalMs": 1 } }""", "Probe.IntervalMs", "10..60000")]
    public void A_bad_value_names_its_key(string json, string key, string text)
    {
        var r = HostConfigLoader.LoadJson(json);
        Assert.False(r.Ok);
        Assert.Contains(text, Assert.Single(r.Errors, e => e.Key == key).Message);
    }

    [Fact]
    public void Unknown_keys_are_warned_about_and_broken_json_is_an_error()
    {
        var r = HostConfigLoader.LoadJson(Minimal.Replace("\"Interface\"", "\"Colour\": \"red\", \"Interface\""));
        Assert.True(r.Ok);
        Assert.Contains(r.Issues, i => i.Key == "Colour" && i.Severity == IssueSeverity.Warning);
        Assert.False(HostConfigLoader.LoadJson("{ nope").Ok);
        Assert.False(HostConfigLoader.LoadFile("/nonexistent/host.json").Ok);
    }
}
