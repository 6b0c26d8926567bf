using DualHome.Config.Options;

namespace DualHome.Config;

/// <summary>RFC 4861 §6.2.1 checks of the advertisement variables.</summary>
internal static class RaValidator
{
    public static RaConfig? Validate(RaOptions ra, List<ConfigIssue> issues)
    {
        int errors = issues.Count;
        int max = ra.MaxIntervalSeconds;
        if (max is < RaLimits.MinMaxInterval or > RaLimits.MaxMaxInterval)
            issues.Add(ConfigIssue.Error("Lan.Ra.MaxIntervalSeconds",
                $"{max} is outside {RaLimits.MinMaxInterval}..{RaLimits.MaxMaxInterval} (RFC 4861 §6.2.1)"));
        double min = ra.MinIntervalSeconds ?? RaLimits.DefaultMinInterval(max);
        if (ra.MinIntervalSeconds is { } m && (m < RaLimits.MinMinInterval || m > 0.75 * max))
            issues.Add(ConfigIssue.Error("Lan.Ra.MinIntervalSeconds",
                $"{m} is outside {RaLimits.MinMinInterval}..0.75 × MaxIntervalSeconds = {0.75 * max} (RFC 4861 §6.2.1)"));
        int lifetime = ra.RouterLifetimeSeconds ?? Math.Min(3 * max, RaLimits.MaxRouterLifetime);
        if (lifetime != 0 && (lifetime < max || lifetime > RaLimits.MaxRouterLifetime))
            issues.Add(ConfigIssue.Error("Lan.Ra.RouterLifetimeSeconds",
                $"{lifetime} must be 0 or within MaxIntervalSeconds..{RaLimits.MaxRouterLifetime} (RFC 4861 §6.2.1)"));
        CheckLifetimes(ra, issues);
        CheckHopLimitAndMtu(ra, issues);
        var pref = ParsePreference(ra.Preference, issues);
        if (issues.Count > errors && issues.Skip(errors).Any(i => i.Severity == IssueSeverity.Error))
            return null;
        return new RaConfig(TimeSpan.FromSeconds(min), TimeSpan.FromSeconds(max), (ushort)lifetime,
            ra.PreferredLifetimeSeconds, ra.ValidLifetimeSeconds, (byte)ra.HopLimit, ra.Mtu, pref);
    }

    private static void CheckLifetimes(RaOptions ra, List<ConfigIssue> issues)
    {
        // RFC 4861 §6.2.1 AdvPreferredLifetime MUST NOT be larger than AdvValidLifetime (RFC 4862 §5.5.3 c drops such PIOs).
        if (ra.PreferredLifetimeSeconds > ra.ValidLifetimeSeconds)
            issues.Add(ConfigIssue.Error("Lan.Ra.PreferredLifetimeSeconds",
                $"{ra.PreferredLifetimeSeconds} exceeds ValidLifetimeSeconds {ra.ValidLifetimeSeconds} (RFC 4862 §5.5.3 c)"));
        if (ra.ValidLifetimeSeconds == 0)
            issues.Add(ConfigIssue.Error("Lan.Ra.ValidLifetimeSeconds", "0 would withdraw every prefix"));
    }

    private static void CheckHopLimitAndMtu(RaOptions ra, List<ConfigIssue> issues)
    {
        if (ra.HopLimit is < 0 or > 255)
            issues.Add(ConfigIssue.Error("Lan.Ra.HopLimit", $"{ra.HopLimit} is outside 0..255"));
        if (ra.Mtu is { } mtu && mtu != 0 && mtu < RaLimits.MinLinkMtu)
            issues.Add(ConfigIssue.Error("Lan.Ra.Mtu", $"{mtu} is below the IPv6 minimum of 1280 (RFC 8200 §5)"));
    }

    private static RaPreference ParsePreference(string text, List<ConfigIssue> issues)
    {
        if (Enum.TryParse<RaPreference>(text, ignoreCase: true, out var p) && Enum.IsDefined(p))
            return p;
        issues.Add(ConfigIssue.Error("Lan.Ra.Preference", $"'{text}' is not one of low, medium, high (RFC 4191 §2.2)"));
        return RaPreference.Medium;
    }
}
