using System.Net;
using DualHome.Config.Options;

namespace DualHome.Config;

/// <summary>Checks each uplink and the uplinks together (unique names, interfaces and prefixes).</summary>
internal static class UplinkValidator
{
    public static List<UplinkConfig> ValidateAll(List<UplinkOptions> uplinks, List<ConfigIssue> issues)
    {
        if (uplinks.Count == 0)
            issues.Add(ConfigIssue.Error("Uplinks", "at least one uplink is required"));
        var result = new List<UplinkConfig>();
        for (int i = 0; i < uplinks.Count; i++)
            if (Validate(i, uplinks[i], issues) is { } u) result.Add(u);
        RequireUnique(uplinks, u => u.Name, "Name", issues);
        RequireUnique(uplinks, u => u.Interface, "Interface", issues);
        RequireDistinctPrefixes(result, issues);
        return result;
    }

    private static UplinkConfig? Validate(int index, UplinkOptions u, List<ConfigIssue> issues)
    {
        string Key(string k) => KeyPath.Uplink(index, u.Name, k);
        int before = issues.Count;
        ConfigValidator.RequireNonEmpty(Key("Name"), u.Name, issues);
        ConfigValidator.RequireNonEmpty(Key("Interface"), u.Interface, issues);
        // Issue 8: no Gateway = the ISP router that sends Router Advertisements on the uplink (RFC 4861 §6.3.4).
        bool learns = string.IsNullOrWhiteSpace(u.Gateway);
        var gateway = learns ? null : AddressParsing.Address(Key("Gateway"), u.Gateway, issues);
        var delegation = Delegation(Key, u, issues);
        var prefix = delegation is null ? AddressParsing.LanPrefix(Key("LanPrefix"), u.LanPrefix, issues) : null;
        var dns = AddressParsing.Addresses(Key("Dns"), u.Dns, issues);
        var probe = ValidateProbe(Key("Probe"), u.Probe, issues);
        if (issues.Skip(before).Any(i => i.Severity == IssueSeverity.Error))
            return null;
        return new UplinkConfig(u.Name, u.Interface, gateway, prefix, dns, probe!, delegation, learns);
    }

    /// <summary>"dhcpv6-pd" or an omitted LanPrefix asks the ISP for a prefix (issue 8); SubnetId and
    /// PrefixLengthHint only make sense then.</summary>
    private static PrefixDelegationConfig? Delegation(Func<string, string> key, UplinkOptions u, List<ConfigIssue> issues)
    {
        bool delegated = string.IsNullOrWhiteSpace(u.LanPrefix) || u.LanPrefix.Trim().Equals(DelegatedKeyword, StringComparison.OrdinalIgnoreCase);
        if (!delegated)
        {
            if (u.SubnetId is not null) issues.Add(ConfigIssue.Warning(key("SubnetId"), $"ignored: LanPrefix is {u.LanPrefix}, not {DelegatedKeyword}"));
            if (u.PrefixLengthHint is not null) issues.Add(ConfigIssue.Warning(key("PrefixLengthHint"), $"ignored: LanPrefix is {u.LanPrefix}, not {DelegatedKeyword}"));
            return null;
        }
        if (u.SubnetId is < 0)
            issues.Add(ConfigIssue.Error(key("SubnetId"), $"{u.SubnetId} is negative; the first /64 of the delegation is 0"));
        // RFC 8415 §21.22: a hint is a prefix length; the LAN needs a /64 out of it (RFC 4862 §5.5.3 d).
        if (u.PrefixLengthHint is < 1 or > 64)
            issues.Add(ConfigIssue.Error(key("PrefixLengthHint"), $"{u.PrefixLengthHint} is outside 1..64 (the LAN needs a /64 from it)"));
        return new PrefixDelegationConfig((ulong)Math.Max(0, u.SubnetId ?? 0), (byte?)u.PrefixLengthHint);
    }

    /// <summary>The LanPrefix value that selects DHCPv6 prefix delegation.</summary>
    public const string DelegatedKeyword = "dhcpv6-pd";

    internal static ProbeConfig? ValidateProbe(string key, ProbeOptions p, List<ConfigIssue> issues)
    {
        var targets = AddressParsing.Addresses($"{key}.Targets", p.Targets, issues);
        if (p.IntervalMs is < 10 or > 60_000)
            issues.Add(ConfigIssue.Error($"{key}.IntervalMs", $"{p.IntervalMs} is outside 10..60000"));
        if (p.DownAfter is < 1 or > 100)
            issues.Add(ConfigIssue.Error($"{key}.DownAfter", $"{p.DownAfter} is outside 1..100"));
        if (p.UpAfter is < 1 or > 100)
            issues.Add(ConfigIssue.Error($"{key}.UpAfter", $"{p.UpAfter} is outside 1..100"));
        return new ProbeConfig(targets, TimeSpan.FromMilliseconds(p.IntervalMs), p.DownAfter, p.UpAfter);
    }

    private static void RequireUnique(List<UplinkOptions> uplinks, Func<UplinkOptions, string> field, string name,
        List<ConfigIssue> issues)
    {
        foreach (var dup in uplinks.Where(u => !string.IsNullOrEmpty(field(u))).GroupBy(field).Where(g => g.Count() > 1))
            issues.Add(ConfigIssue.Error($"Uplinks.{name}", $"'{dup.Key}' is used by {dup.Count()} uplinks; each needs its own"));
    }

    private static void RequireDistinctPrefixes(List<UplinkConfig> uplinks, List<ConfigIssue> issues)
    {
        foreach (var dup in uplinks.Where(u => u.LanPrefix is not null).GroupBy(u => u.LanPrefix).Where(g => g.Count() > 1))
            issues.Add(ConfigIssue.Error("Uplinks.LanPrefix", $"{dup.Key} is used by {string.Join(", ", dup.Select(u => u.Name))}"));
    }
}
