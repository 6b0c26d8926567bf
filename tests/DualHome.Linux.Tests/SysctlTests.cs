using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests;

public sealed class SysctlTests
{
    [Fact]
    public void Ipv6ConfPath_IsUnderProcSysNet()
    {
        Assert.Equal("/proc/sys/net/ipv6/conf/wana/accept_ra", Sysctl.Ipv6ConfPath("wana", "accept_ra"));
    }

    [Theory]
    [InlineData("", "forwarding")]
    [InlineData("..", "forwarding")]
    [InlineData("lo/../..", "forwarding")]
    [InlineData("lo", "")]
    [InlineData("lo", "../mtu")]
    public void Ipv6ConfPath_RejectsEscapingSegments(string interfaceName, string key)
    {
        Assert.Throws<ArgumentException>(() => Sysctl.Ipv6ConfPath(interfaceName, key));
    }

    [Fact]
    public void ReadIpv6ConfInt32_ReadsLoopbackMtu()
    {
        Assert.SkipUnless(Directory.Exists("/proc/sys/net/ipv6/conf/lo"), "IPv6 is disabled on this host");

        Assert.InRange(Sysctl.ReadIpv6ConfInt32("lo", "mtu"), 1280, int.MaxValue);
    }

    [Fact]
    public void Read_MissingInterface_NamesThePath()
    {
        var error = Assert.Throws<SysctlException>(() => Sysctl.ReadIpv6Conf("dhlnx-none", "accept_ra"));

        Assert.Equal("/proc/sys/net/ipv6/conf/dhlnx-none/accept_ra", error.Path);
        Assert.Contains(error.Path, error.Message);
    }

    [Fact]
    public void Write_InNamespace_ChangesOnlyThatNamespace()
    {
        Root.Require();
        using var netns = new TestNetns();
        var rootBefore = Sysctl.ReadIpv6Conf("lo", "forwarding");

        netns.Run(() => Sysctl.WriteIpv6Conf("lo", "forwarding", "1"));

        Assert.Equal("1", Shell.Run("ip", "netns", "exec", netns.Name, "cat", "/proc/sys/net/ipv6/conf/lo/forwarding").Trim());
        Assert.Equal("1", netns.Run(() => Sysctl.ReadIpv6Conf("lo", "forwarding")));
        Assert.Equal(rootBefore, Sysctl.ReadIpv6Conf("lo", "forwarding"));
    }
}
