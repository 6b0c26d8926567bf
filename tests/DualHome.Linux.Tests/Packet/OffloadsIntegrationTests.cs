using DualHome.Linux.Packet;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Packet;

/// <summary>Offloads switched with SIOCETHTOOL, checked with <c>ethtool -k</c>.</summary>
public sealed class OffloadsIntegrationTests
{
    [Fact]
    public void Disable_TurnsTheForwardingOffloadsOff_AsEthtoolShows_AndEnableRestoresThem()
    {
        Root.Require();
        Assert.SkipUnless(File.Exists("/usr/sbin/ethtool") || File.Exists("/sbin/ethtool"), "needs ethtool (apt-get install ethtool)");
        using var netns = new TestNetns("dhpkt");
        netns.AddVethPair("a", "b");
        netns.Run(() => Offloads.Enable("a", OffloadFeatures.Forwarding)); // veth leaves GRO off by default
        Assert.Equal(OffloadFeatures.Forwarding, netns.Run(() => Offloads.Get("a")));
        AssertEthtool(netns, "a", "on");
        var peerBefore = netns.Run(() => Offloads.Get("b"));

        var wereOn = netns.Run(() => Offloads.Disable("a"));

        Assert.Equal(OffloadFeatures.Forwarding, wereOn);
        Assert.Equal(OffloadFeatures.None, netns.Run(() => Offloads.Get("a")));
        AssertEthtool(netns, "a", "off");
        Assert.Equal(peerBefore, netns.Run(() => Offloads.Get("b"))); // the peer is untouched

        netns.Run(() => Offloads.Enable("a", wereOn));
        AssertEthtool(netns, "a", "on");
    }

    [Fact]
    public void Disable_ReportsOnlyWhatWasOn()
    {
        Root.Require();
        using var netns = new TestNetns("dhpkt");
        netns.AddVethPair("a", "b");
        netns.Run(() => Offloads.Disable("a", OffloadFeatures.Gro));

        var wereOn = netns.Run(() => Offloads.Disable("a"));

        Assert.Equal(OffloadFeatures.Forwarding & ~OffloadFeatures.Gro, wereOn);
    }

    [Fact]
    public void UnknownInterface_ThrowsEnodev()
    {
        Root.Require();
        using var netns = new TestNetns("dhpkt");

        var error = Assert.Throws<NativeErrorException>(() => netns.Run(() => Offloads.Get("nosuch0")));

        Assert.Equal(Errno.ENODEV, error.Errno);
    }

    private static readonly string[] ForwardingFeatureNames =
    [
        "tx-checksum-ip-generic", "tx-tcp-segmentation", "tx-tcp6-segmentation",
        "generic-segmentation-offload", "generic-receive-offload",
    ];

    private static void AssertEthtool(TestNetns netns, string interfaceName, string expected)
    {
        var features = Shell.Run("ip", "netns", "exec", netns.Name, "ethtool", "-k", interfaceName)
            .Split('\n')
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
        // The sub-features, not the group lines: "tcp-segmentation-offload" stays "on" while any member is,
        // and the legacy TSO command leaves tx-tcp-accecn-segmentation (Linux 6.18) alone (see Offloads).
        foreach (var name in ForwardingFeatureNames)
        {
            Assert.True(features[name].StartsWith(expected, StringComparison.Ordinal), $"{name}: {features[name]}, expected {expected}");
        }
    }
}
