using DualHome.Config.Lifecycle;

namespace DualHome.Config.Tests.Lifecycle;

public sealed class CandidateSetTests
{
    private readonly CandidateConfig _config = new(SampleConfigs.Valid);

    [Fact]
    public void Set_ChangesTheCandidateOnly_AndDiffShowsIt()
    {
        var result = _config.Set("Uplinks.a.Probe.IntervalMs", "200");

        Assert.True(result.Ok, result.Message);
        Assert.Equal(["- Uplinks.a.Probe.IntervalMs 100", "+ Uplinks.a.Probe.IntervalMs 200"], _config.Diff());
        Assert.Equal(TimeSpan.FromMilliseconds(100), _config.Running!.Uplinks[0].Probe.Interval);
        Assert.True(_config.HasUncommittedChanges);
    }

    [Fact]
    public void Set_WritesANumberForANumericKey_AndAStringForAStringKey()
    {
        Assert.True(_config.Set("Uplinks.a.Probe.IntervalMs", "200").Ok);
        Assert.True(_config.Set("Uplinks.a.Interface", "123").Ok);

        var lines = _config.ShowCandidate();
        Assert.Contains("Uplinks.a.Probe.IntervalMs 200", lines);
        Assert.Contains("Uplinks.a.Interface 123", lines);
        Assert.Equal(["- Uplinks.a.Interface wana", "+ Uplinks.a.Interface 123", "- Uplinks.a.Probe.IntervalMs 100", "+ Uplinks.a.Probe.IntervalMs 200"], _config.Diff());
        Assert.True(Commit(_config).Ok);
        Assert.Contains("\"IntervalMs\": 200", _config.RunningJson);
        Assert.Contains("\"Interface\": \"123\"", _config.RunningJson);
    }

    [Theory]
    [InlineData("Uplinks.a.Probe.IntervalMs", "fast", "'fast' is not a number")]
    [InlineData("Uplinks.a.Probe.IntervalMs", "5", "5 is outside 10..60000")]
    [InlineData("Uplinks.a.LanPrefix", "2001:db8:a::/48", "/48")]
    [InlineData("Uplinks.a.Gateway", "10.0.0.1", "not an IPv6 address")]
    [InlineData("Lan.Ra.MinIntervalSeconds", "8", "0.75")]
    [InlineData("Uplinks.a.Probe.Intervall", "200", "unknown key")]
    [InlineData("Lan.Ra", "5", "not a JSON object")]
    public void BadSet_NamesTheKey_AndChangesNothing(string key, string value, string why)
    {
        var candidateBefore = _config.ShowCandidate();

        var result = _config.Set(key, value);

        Assert.False(result.Ok);
        Assert.Contains(key, result.Message);
        Assert.Contains(why, result.Message);
        Assert.Contains("nothing changed", result.Message);
        Assert.Equal(candidateBefore, _config.ShowCandidate());
        Assert.Empty(_config.Diff());
        Assert.False(_config.HasUncommittedChanges);
    }

    [Fact]
    public void BadSet_AfterAGoodOne_KeepsTheGoodOne()
    {
        Assert.True(_config.Set("Uplinks.a.Probe.IntervalMs", "200").Ok);

        Assert.False(_config.Set("Uplinks.a.LanPrefix", "2001:db8:a::/48").Ok);

        Assert.Equal(["- Uplinks.a.Probe.IntervalMs 100", "+ Uplinks.a.Probe.IntervalMs 200"], _config.Diff());
    }

    [Fact]
    public void Set_CreatesMissingSections()
    {
        var config = new CandidateConfig(SampleConfigs.With(",\n  \"Log\": { \"Path\": \"/var/log/dualhomed/dualhomed.log\" }", ""));

        Assert.True(config.Set("Log.MaxFiles", "8").Ok);
        Assert.True(config.Set("Lan.Ra.Mtu", "1400").Ok);

        Assert.Equal(["+ Lan.Ra.Mtu 1400", "+ Log.MaxFiles 8"], config.Diff());
    }

    [Fact]
    public void Set_FindsKeysCaseInsensitively_AsTheLoaderDoes()
    {
        Assert.True(_config.Set("uplinks.a.probe.intervalms", "200").Ok);

        Assert.Equal(["- Uplinks.a.Probe.IntervalMs 100", "+ Uplinks.a.Probe.IntervalMs 200"], _config.Diff());
    }

    [Fact]
    public void Set_AList_AsJsonOrCommaSeparated()
    {
        Assert.True(_config.Set("Lan.Dns", "2001:db8:a:1::53, 2001:db8:a:1::54").Ok);
        Assert.True(_config.Set("Uplinks.b.Dns", "[\"2001:db8:b:1::53\"]").Ok);

        Assert.Equal(
            [
                "- Lan.Dns [\"2001:db8:a:1::53\"]", "+ Lan.Dns [\"2001:db8:a:1::53\",\"2001:db8:a:1::54\"]",
                "+ Uplinks.b.Dns [\"2001:db8:b:1::53\"]",
            ],
            _config.Diff());
    }

    [Fact]
    public void Set_AddressesUplinksByNameOrIndex()
    {
        Assert.True(_config.Set("Uplinks.1.Probe.DownAfter", "4").Ok);

        Assert.Equal(["+ Uplinks.b.Probe.DownAfter 4"], _config.Diff());
    }

    [Fact]
    public void Set_AWholeNewUplink_FromAJsonObject()
    {
        var result = _config.Set("Uplinks.c", """{ "Interface": "wanc", "Gateway": "fe80::1", "LanPrefix": "2001:db8:c:1::/64" }""");

        Assert.True(result.Ok, result.Message);
        Assert.Equal(
            ["+ Uplinks.c.Gateway fe80::1", "+ Uplinks.c.Interface wanc", "+ Uplinks.c.LanPrefix 2001:db8:c:1::/64", "+ Uplinks.c.Name c"],
            _config.Diff());
        Assert.True(Commit(_config).Ok);
        Assert.Equal(["a", "b", "c"], _config.Running!.Uplinks.Select(u => u.Name));
    }

    [Fact]
    public void Unset_RestoresTheDefault()
    {
        Assert.True(_config.Unset("Uplinks.a.Probe.IntervalMs").Ok);
        Assert.True(_config.Unset("Lan.Ra.MinIntervalSeconds").Ok);

        Assert.Equal(["- Lan.Ra.MinIntervalSeconds 3", "- Uplinks.a.Probe.IntervalMs 100"], _config.Diff());
        Assert.True(Commit(_config).Ok);
        Assert.Equal(TimeSpan.FromMilliseconds(100), _config.Running!.Uplinks[0].Probe.Interval); // the default
        Assert.Equal(3.3, _config.Running.Lan.Ra.MinInterval.TotalSeconds, 3); // 0.33 × Max, RFC 4861 §6.2.1
    }

    [Fact]
    public void Unset_AnUplink_ButNotTheLastOne()
    {
        Assert.True(_config.Unset("Uplinks.b").Ok);

        var last = _config.Unset("Uplinks.a");

        Assert.False(last.Ok);
        Assert.Contains("at least one uplink", last.Message);
        Assert.Contains(_config.ShowCandidate(), l => l.StartsWith("Uplinks.a.", StringComparison.Ordinal));
    }

    [Fact]
    public void Unset_AMissingKey_SaysSo()
    {
        var result = _config.Unset("Lan.Ra.Mtu");

        Assert.False(result.Ok);
        Assert.Contains("Lan.Ra.Mtu is not set", result.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Lan..Interface")]
    [InlineData(".Lan")]
    public void MalformedKey_IsAnError(string key)
    {
        Assert.False(_config.Set(key, "x").Ok);
        Assert.False(_config.Unset(key).Ok);
    }

    [Fact]
    public void Set_ThroughAValue_IsAnError()
    {
        var result = _config.Set("Lan.Interface.Name", "x");

        Assert.False(result.Ok);
        Assert.Contains("Lan.Interface holds a value", result.Message);
    }

    [Fact]
    public void Unconfigured_CanBeBuiltKeyByKey()
    {
        var config = new CandidateConfig("{}", isSaved: false);
        Assert.Null(config.Running);

        Assert.True(config.Set("Lan.Interface", "eth1").Ok); // "at least one uplink" was already there
        Assert.False(config.Set("Lan.Ra.HopLimit", "300").Ok); // a new error is still refused
        Assert.False(Commit(config).Ok);
        Assert.True(config.Set("Uplinks.a", """{ "Interface": "wana", "Gateway": "fe80::1", "LanPrefix": "2001:db8:a:1::/64" }""").Ok);
        Assert.True(Commit(config).Ok);

        Assert.Equal("eth1", config.Running!.Lan.Interface);
        Assert.True(config.HasUnsavedChanges);
    }

    private static ConfigCommandResult Commit(CandidateConfig config) => config.Commit((_, _) => ApplyResult.Success());
}
