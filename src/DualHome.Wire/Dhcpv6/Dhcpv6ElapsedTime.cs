namespace DualHome.Wire.Dhcpv6;

/// <summary>The Elapsed Time option's unit, RFC 8415 §21.9.</summary>
public static class Dhcpv6ElapsedTime
{
    /// <summary>§21.9: hundredths of a second since the client began the exchange; 0xffff for 655.35 s or more.</summary>
    public static ushort From(TimeSpan elapsed)
    {
        if (elapsed <= TimeSpan.Zero)
            return 0;
        long hundredths = elapsed.Ticks / (TimeSpan.TicksPerMillisecond * 10);
        return hundredths >= Dhcpv6Constants.MaxElapsedTime ? Dhcpv6Constants.MaxElapsedTime : (ushort)hundredths;
    }
}
