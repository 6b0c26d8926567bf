namespace DualHome.Wire.Nd.Messages;

/// <summary>
/// The MUSTs a router's own RA header has to meet. Breaking one is a programming or configuration error,
/// not bad input, so it throws <see cref="ArgumentException"/>. Option rules live with each option.
/// </summary>
internal static class RouterAdvertisementRules
{
    public static void Validate(RouterAdvertisement ra)
    {
        ArgumentNullException.ThrowIfNull(ra);
        // RFC 4861 §6.2.1: AdvDefaultLifetime MUST be zero or at most 9000 s (kept although RFC 8319 allows more per link).
        if (ra.RouterLifetime > NdConstants.MaxRouterLifetime)
            Fail($"router lifetime {ra.RouterLifetime} s exceeds {NdConstants.MaxRouterLifetime} s (RFC 4861 §6.2.1)");
        // RFC 4191 §2.1: the reserved preference (10) MUST NOT be sent.
        if (ra.Preference is not (RouterPreference.High or RouterPreference.Medium or RouterPreference.Low))
            Fail($"preference {ra.Preference} MUST NOT be sent (RFC 4191 §2.1)");
        // RFC 4191 §2.2: with Router Lifetime 0 the preference MUST be set to medium (00).
        if (ra.RouterLifetime == 0 && ra.Preference != RouterPreference.Medium)
            Fail($"preference {ra.Preference} with router lifetime 0 (RFC 4191 §2.2 requires medium)");
        // RFC 4861 §6.2.1: AdvReachableTime MUST be no greater than 3,600,000 ms.
        if (ra.ReachableTimeMs > NdConstants.MaxReachableTimeMs)
            Fail($"reachable time {ra.ReachableTimeMs} ms exceeds {NdConstants.MaxReachableTimeMs} ms (RFC 4861 §6.2.1)");
        RequireLists(ra);
    }

    private static void RequireLists(RouterAdvertisement ra)
    {
        if (ra.Prefixes is null || ra.Routes is null || ra.DnsServers is null || ra.SearchLists is null)
            Fail("option lists must not be null");
    }

    private static void Fail(string why) =>
        throw new ArgumentException($"Invalid Router Advertisement: {why}.", "ra");
}
