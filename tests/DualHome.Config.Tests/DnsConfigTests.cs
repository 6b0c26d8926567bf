using DualHome.Config;

namespace DualHome.Config.Tests;

/// <summary>The Dns section (issue 9): valid shapes load, each bad value names its key, a secret is never quoted.</summary>
public sealed class DnsConfigTests
{
    private const string Secret = "c2VjcmV0LXZhbHVlLTE2Ynl0ZXM=";

    private static string With(string update) => SampleConfigs.With("\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }",
        "\"Control\": { \"Socket\": \"/run/dualhomed.sock\" }, \"Dns\": { \"Updates\": [ " + update + " ] }");

    private static string Update(string server = "2001:db8:ffff::53", string zone = "example.test", string algorithm = "hmac-sha256",
        string secret = Secret, string id = "::10") =>
        $$"""{ "Server": "{{server}}", "Zone": "{{zone}}", "Key": { "Name": "dualhome-key", "Algorithm": "{{algorithm}}", "Secret": "{{secret}}" }, "Records": [ { "Name": "www", "InterfaceId": "{{id}}" } ] }""";

    [Fact]
    public void ValidUpdate_Loads_WithDefaults()
    {
        var r = ConfigLoader.LoadJson(With(Update()));
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        var u = Assert.Single(r.Config!.Dns.Updates);
        Assert.Equal((53, "example.test", TimeSpan.FromSeconds(60)), (u.Port, u.Zone, u.Ttl));
        Assert.Equal(Convert.FromBase64String(Secret), u.Key.Secret);
        Assert.DoesNotContain(Secret, u.Key.ToString());
        Assert.DoesNotContain(Secret, EffectiveConfigWriter.ToJson(r.Config));
    }

    [Theory]
    [InlineData("server", "Dns.Updates.0.Server")]
    [InlineData("zone", "Dns.Updates.0.Zone")]
    [InlineData("algorithm", "Dns.Updates.0.Key.Algorithm")]
    [InlineData("secret", "Dns.Updates.0.Key.Secret")]
    [InlineData("id", "Dns.Updates.0.Records.0.InterfaceId")]
    public void BadValue_NamesTheKey(string which, string key)
    {
        var json = With(which switch
        {
            "server" => Update(server: "192.0.2.1"),
            "zone" => Update(zone: "bad zone"),
            "algorithm" => Update(algorithm: "hmac-md5"),
            "secret" => Update(secret: "c2hvcnQ="),
            _ => Update(id: "2001:db8::10"),
        });
        var r = ConfigLoader.LoadJson(json);
        Assert.False(r.Ok);
        Assert.Contains(r.Errors, e => e.Key == key);
        Assert.DoesNotContain(r.Errors, e => e.Message.Contains("c2hvcnQ"));
    }

    [Fact]
    public void NoDnsSection_IsNone() => Assert.Empty(ConfigLoader.LoadJson(SampleConfigs.With("x", "x")).Config!.Dns.Updates);
}
