using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests;

public sealed class NetNamespaceTests
{
    [Fact]
    public void RunIn_SeesOnlyThatNamespacesInterfaces()
    {
        Root.Require();
        using var pair = new VethPair();

        Assert.Equal("a", pair.Left.Run(() => LinkInfo.Get("a")).Name);
        var error = Assert.Throws<NativeErrorException>(() => pair.Right.Run(() => LinkInfo.Get("a")));
        Assert.Equal(Errno.ENODEV, error.Errno);
    }

    [Fact]
    public void SocketOpenedInside_StaysInTheNamespace_WhenUsedFromAnotherThread()
    {
        Root.Require();
        using var netns = new TestNetns();
        netns.AddVethPair("a", "b");

        using var netlink = netns.Run(Rtnetlink.Open);

        Assert.Equal("b", netlink.GetLink("b").Name); // called on the test thread, in the root namespace
    }

    [Fact]
    public void RunIn_DoesNotMoveTheCallingThread()
    {
        Root.Require();
        using var netns = new TestNetns();
        netns.AddVethPair("dhlnx-y0", "dhlnx-y1");

        netns.Run(() => LinkInfo.Get("dhlnx-y0"));

        Assert.Throws<NativeErrorException>(() => LinkInfo.Get("dhlnx-y0"));
    }

    [Fact]
    public void RunIn_RethrowsTheFunctionsException()
    {
        Root.Require();
        using var netns = new TestNetns();

        var error = Assert.Throws<InvalidOperationException>(
            () => netns.Run<int>(() => throw new InvalidOperationException("inside")));

        Assert.Equal("inside", error.Message);
    }

    [Fact]
    public void RunIn_MissingNamespace_ThrowsEnoentNamingThePath()
    {
        var error = Assert.Throws<NativeErrorException>(() => NetNamespace.RunIn("dhlnx-missing-0", () => 0));

        Assert.Equal(Errno.ENOENT, error.Errno);
        Assert.Contains("/var/run/netns/dhlnx-missing-0", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    public void RunIn_InvalidName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => NetNamespace.RunIn(name, () => 0));
    }
}
