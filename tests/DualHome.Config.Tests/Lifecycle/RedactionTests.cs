using DualHome.Config.Lifecycle;

namespace DualHome.Config.Tests.Lifecycle;

public sealed class RedactionTests
{
    /// <summary>The sample with a TSIG key, as a future version will hold (today an unknown key: a warning).</summary>
    private static readonly string WithSecret = SampleConfigs.With(
        "\"State\": { \"Directory\": \"/var/lib/dualhome\" }",
        "\"State\": { \"Directory\": \"/var/lib/dualhome\" }, \"Dns\": { \"Tsig\": { \"Name\": \"k1\", \"Secret\": \"hunter2\" } }");

    [Theory]
    [InlineData("Dns.Tsig.Secret", true)]
    [InlineData("Dns.Tsig.secret", true)]
    [InlineData("Dns.TsigSecret", true)]
    [InlineData("Dns.Secret.Value", true)]
    [InlineData("Dns.Tsig.Name", false)]
    [InlineData("Uplinks.a.LanPrefix", false)]
    public void IsSecret(string key, bool secret) => Assert.Equal(secret, Redaction.IsSecret(key));

    [Fact]
    public void Line_HidesOnlySecretValues()
    {
        Assert.Equal("Dns.Tsig.Secret (secret)", Redaction.Line("Dns.Tsig.Secret", "hunter2"));
        Assert.Equal("Lan.Interface lan0", Redaction.Line("Lan.Interface", "lan0"));
    }

    [Fact]
    public void ShowConfig_RedactsTheSecret()
    {
        var config = new CandidateConfig(WithSecret);

        var lines = config.ShowRunning();

        Assert.Contains("Dns.Tsig.Secret (secret)", lines);
        Assert.Contains("Dns.Tsig.Name k1", lines);
        Assert.DoesNotContain(lines, l => l.Contains("hunter2"));
    }

    [Fact]
    public void ChangedSecret_ShowsInTheDiff_WithoutItsValue()
    {
        var config = new CandidateConfig(WithSecret);

        var set = config.Set("Dns.Tsig.Secret", "hunter3");

        Assert.True(set.Ok, set.Message);
        Assert.DoesNotContain("hunter3", set.Message);
        Assert.Equal(["- Dns.Tsig.Secret (secret)", "+ Dns.Tsig.Secret (secret)"], config.Diff());
        Assert.Contains("hunter2", config.RunningJson); // the file keeps it: only display is redacted
    }
}
