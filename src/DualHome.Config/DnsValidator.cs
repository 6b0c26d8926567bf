using System.Net;
using System.Net.Sockets;
using DualHome.Config.Options;

namespace DualHome.Config;

/// <summary>Checks the Dns section; errors name the key (Dns.Updates.0.Key.Secret) and never quote a secret.</summary>
internal static class DnsValidator
{
    /// <summary>RFC 8945 §6: HMAC-SHA256 is mandatory; SHA-1 and SHA-512 are accepted.</summary>
    public static readonly string[] Algorithms = ["hmac-sha256", "hmac-sha1", "hmac-sha512"];

    public static DnsConfig Validate(DnsOptions dns, List<ConfigIssue> issues) =>
        new([.. dns.Updates.Select((u, i) => Update($"Dns.Updates.{i}", u, issues)).OfType<DnsUpdateConfig>()]);

    private static DnsUpdateConfig? Update(string key, DnsUpdateOptions u, List<ConfigIssue> issues)
    {
        int before = issues.Count;
        var server = AddressParsing.Address($"{key}.Server", u.Server, issues);
        if (u.Port is < 1 or > 65535) issues.Add(ConfigIssue.Error($"{key}.Port", $"{u.Port} is outside 1..65535"));
        if (!IsDnsName(u.Zone)) issues.Add(ConfigIssue.Error($"{key}.Zone", $"'{u.Zone}' is not a DNS name"));
        if (u.Ttl is < 1 or > 86400) issues.Add(ConfigIssue.Error($"{key}.Ttl", $"{u.Ttl} is outside 1..86400"));
        var secret = Key($"{key}.Key", u.Key, issues);
        var records = u.Records.Select((r, i) => Record($"{key}.Records.{i}", r, issues)).OfType<DnsRecordConfig>().ToList();
        if (u.Records.Count == 0) issues.Add(ConfigIssue.Error($"{key}.Records", "at least one record is required"));
        if (issues.Skip(before).Any(i => i.Severity == IssueSeverity.Error)) return null;
        return new DnsUpdateConfig(server!, u.Port, u.Zone.TrimEnd('.'), TimeSpan.FromSeconds(u.Ttl),
            new TsigKeyConfig(u.Key.Name.TrimEnd('.'), u.Key.Algorithm.ToLowerInvariant(), secret!), records);
    }

    private static byte[]? Key(string key, TsigKeyOptions k, List<ConfigIssue> issues)
    {
        if (!IsDnsName(k.Name)) issues.Add(ConfigIssue.Error($"{key}.Name", $"'{k.Name}' is not a DNS name"));
        if (!Algorithms.Contains(k.Algorithm, StringComparer.OrdinalIgnoreCase))
            issues.Add(ConfigIssue.Error($"{key}.Algorithm", $"'{k.Algorithm}' is not one of {string.Join(", ", Algorithms)}"));
        byte[]? secret = null;
        try { secret = Convert.FromBase64String(k.Secret); }
        catch (FormatException) { }
        if (secret is null || secret.Length < 16) // RFC 8945 §6: no shorter than half the hash; 128 bits at least
            issues.Add(ConfigIssue.Error($"{key}.Secret", "must be base64 of at least 16 bytes (the value is not shown)"));
        return secret;
    }

    private static DnsRecordConfig? Record(string key, DnsRecordOptions r, List<ConfigIssue> issues)
    {
        if (r.Name != "@" && !IsDnsName(r.Name)) issues.Add(ConfigIssue.Error($"{key}.Name", $"'{r.Name}' is not a DNS name (or @)"));
        var id = AddressParsing.Address($"{key}.InterfaceId", r.InterfaceId, issues);
        if (id is not null && id.GetAddressBytes().AsSpan(0, 8).IndexOfAnyExcept((byte)0) >= 0)
            issues.Add(ConfigIssue.Error($"{key}.InterfaceId", $"'{r.InterfaceId}' has bits in the upper 64: write only the interface identifier, e.g. ::10"));
        return id is null ? null : new DnsRecordConfig(r.Name, id);
    }

    /// <summary>RFC 1035 §2.3.4: labels of 1..63 octets, 255 in all; letters, digits, hyphens and underscores.</summary>
    private static bool IsDnsName(string name)
    {
        var n = name.TrimEnd('.');
        return n.Length is > 0 and <= 253 && n.Split('.').All(l => l.Length is > 0 and <= 63
            && l.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }
}
