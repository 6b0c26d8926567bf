namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>What is left of a lifetime heard in an RA (RFC 4861 §4.2, §4.6.2): whole seconds counted down from when
/// it was heard; 0xffffffff is infinity and never runs down.</summary>
public static class HeardLifetime
{
    public static uint Left(uint lifetime, DateTimeOffset heard, DateTimeOffset now)
    {
        if (lifetime == uint.MaxValue) return lifetime;
        double elapsed = Math.Floor((now - heard).TotalSeconds);
        return elapsed >= lifetime ? 0 : (uint)(lifetime - elapsed);
    }
}
