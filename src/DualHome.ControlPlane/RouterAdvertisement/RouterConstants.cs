namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>Router constants of RFC 4861 §10.</summary>
public static class RouterConstants
{
    public static readonly TimeSpan MaxInitialRtrAdvertInterval = TimeSpan.FromSeconds(16);
    public const int MaxInitialRtrAdvertisements = 3;
    public const int MaxFinalRtrAdvertisements = 3;
    public static readonly TimeSpan MinDelayBetweenRas = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan MaxRaDelayTime = TimeSpan.FromMilliseconds(500);
}
