using System.Net;

namespace DualHome.Testbed;

/// <summary>
/// A real authoritative DNS server for the site's published names: BIND 9 (<c>named</c>) in the inet namespace at
/// <see cref="DnsServer"/>, zone <see cref="Zone"/>, accepting TSIG-signed UPDATEs of AAAA records with
/// <see cref="DnsKeyName"/> (issue 9). Stopped by pid with the site.
/// </summary>
public sealed partial class Site
{
    public const string Zone = "example.test";
    public const string DnsKeyName = "dualhome-key";
    /// <summary>A fixed test secret (32 bytes of base64), used only inside the site's namespaces.</summary>
    public const string DnsSecret = "ZHVhbGhvbWUtdGVzdC1zZWNyZXQtMzItYnl0ZXMhISE=";
    public static readonly IPAddress DnsServer = IPAddress.Parse("2001:db8:ffff::53");

    private BackgroundProcess? _named;

    public async Task StartNamedAsync()
    {
        if (_named is { HasExited: false }) return;
        var dir = Path.Combine(WorkDirectory, "named");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "named.conf"), NamedConf(dir));
        await File.WriteAllTextAsync(Path.Combine(dir, $"{Zone}.zone"), ZoneFile);
        await ExecCheckedAsync(Node.Inet, "ip", "-6", "addr", "replace", $"{DnsServer}/128", "dev", "lo", "nodad");
        _named = StartBackground("named", Node.Inet, ["named", "-g", "-n", "1", "-c", Path.Combine(dir, "named.conf")]);
        await Poll.UntilAsync(() => Task.FromResult(_named.HasExited || _named.ReadStderr().Contains("running")),
            TimeSpan.FromSeconds(15), "named to start");
        if (_named.HasExited) throw new TestbedException($"named exited: {_named.ReadStderr()}");
    }

    /// <summary>The AAAA records of <paramref name="name"/> as the server has them now (dig in inet, no recursion).</summary>
    public async Task<IReadOnlyList<IPAddress>> DigAaaaAsync(string name)
    {
        var r = await ExecAsync(Node.Inet, "dig", "+short", "+norecurse", "+time=1", "+tries=1", "AAAA", $"{name}.{Zone}", $"@{DnsServer}");
        return [.. r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => IPAddress.TryParse(l, out var a) ? a : null).OfType<IPAddress>().OrderBy(a => a.ToString())];
    }

    /// <summary>Drops (true) or lets through (false) DNS to the server: an update stays pending meanwhile.</summary>
    public async Task BlockDnsAsync(bool block)
    {
        if (block)
            (await ExecAsync(Node.Inet, ["nft", "-f", "-"], stdin: $$"""
                table inet dhdns {
                    chain dnsin {
                        type filter hook input priority -10;
                        ip6 daddr {{DnsServer}} udp dport 53 drop
                    }
                }

                """)).EnsureSuccess();
        else
            await ExecAsync(Node.Inet, "nft", "delete", "table", "inet", "dhdns");
    }

    private static string NamedConf(string dir) => $$"""
        options {
            directory "{{dir}}";
            pid-file "{{dir}}/named.pid";
            session-keyfile "{{dir}}/session.key";
            managed-keys-directory "{{dir}}";
            listen-on { none; };
            listen-on-v6 { {{DnsServer}}; };
            recursion no;
            dnssec-validation no;
            notify no;
        };
        controls { };
        key "{{DnsKeyName}}" { algorithm hmac-sha256; secret "{{DnsSecret}}"; };
        zone "{{Zone}}" {
            type primary;
            file "{{dir}}/{{Zone}}.zone";
            update-policy { grant {{DnsKeyName}} zonesub AAAA; };
        };
        """;

    private const string ZoneFile = """
        $TTL 300
        @    SOA ns.example.test. hostmaster.example.test. 1 3600 600 86400 60
             NS  ns.example.test.
        ns   AAAA 2001:db8:ffff::53

        """;
}
