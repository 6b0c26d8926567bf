using System.Globalization;

namespace DualHome.Testbed.Traffic;

/// <summary>
/// Paces a sender to a packet rate with a token bucket filter (<c>tc qdisc … tbf</c>) on its own interface. With
/// <see cref="TrafgenPath.Sendto"/> the sender blocks instead of overrunning it, so nothing is dropped here and every
/// frame the interface counts went on towards the router.
/// </summary>
public static class TokenBucket
{
    /// <summary>Frames the bucket may let through back to back, e.g. after a late timer: enough to keep the rate,
    /// few against the router's queues (a veth's peer takes up to netdev_max_backlog = 1000).</summary>
    private const int BurstFrames = 64;

    /// <summary>A large queue, never reached: the sender's socket buffer holds back far fewer frames.</summary>
    private const int LimitBytes = 1_000_000;

    /// <summary>Rate in bits per second of <paramref name="pps"/> frames of <paramref name="frameLength"/> bytes (tbf counts
    /// the frame without FCS, as the frame length here).</summary>
    public static Task SetAsync(Site site, Node node, string device, long pps, int frameLength) =>
        site.ExecCheckedAsync(node, "tc", "qdisc", "replace", "dev", device, "root", "tbf",
            "rate", $"{(pps * frameLength * 8).ToString(CultureInfo.InvariantCulture)}bit",
            "burst", (frameLength * BurstFrames).ToString(CultureInfo.InvariantCulture),
            "limit", LimitBytes.ToString(CultureInfo.InvariantCulture));

    /// <summary>Back to the device's default (a veth: no queue).</summary>
    public static Task ClearAsync(Site site, Node node, string device) =>
        site.ExecAsync(node, "tc", "qdisc", "del", "dev", device, "root");
}
