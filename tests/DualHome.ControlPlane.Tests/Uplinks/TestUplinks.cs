using System.Net;
using DualHome.Config;

namespace DualHome.ControlPlane.Tests.Uplinks;

internal static class TestUplinks
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly IPAddress TargetA = IPAddress.Parse("2001:db8:ffff::1");
    public static readonly IPAddress TargetB = IPAddress.Parse("2001:db8:ffff::2");

    /// <summary>The documented defaults (ProbeOptions): 100 ms, down after 3, up after 5; two targets.</summary>
    public static ProbeConfig Probe(int targets = 2, int intervalMs = 100, int downAfter = 3, int upAfter = 5) =>
        new(new[] { TargetA, TargetB }.Take(targets).ToList(), TimeSpan.FromMilliseconds(intervalMs), downAfter, upAfter);

    public static UplinkConfig Uplink(string name = "isp-a", ProbeConfig? probe = null) =>
        new(name, $"wan-{name}", IPAddress.Parse("fe80::1"), IPNetwork.Parse(name == "isp-a" ? "2001:db8:a:1::/64" : "2001:db8:b:1::/64"),
            [], probe ?? Probe());
}

/// <summary>A Random whose NextDouble is fixed, to pin the jitter at its extremes.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;
    protected override double Sample() => value;
}
