namespace DualHome.Config;

/// <summary>Bounds on the router's advertisement variables, RFC 4861 §6.2.1.</summary>
/// <remarks>RFC 8319 lets a link-specific document raise the ceilings; a LAN has none, so 4861's hold.</remarks>
public static class RaLimits
{
    public const int MinMaxInterval = 4;
    public const int MaxMaxInterval = 1800;
    public const int MinMinInterval = 3;
    public const int MaxRouterLifetime = 9000;
    /// <summary>RFC 8200 §5: every link carrying IPv6 has an MTU of at least 1280.</summary>
    public const int MinLinkMtu = 1280;

    /// <summary>RFC 4861 §6.2.1 default MinRtrAdvInterval, as corrected by erratum 3154.</summary>
    public static double DefaultMinInterval(int maxSeconds) => maxSeconds >= 9 ? 0.33 * maxSeconds : 0.75 * maxSeconds;
}
