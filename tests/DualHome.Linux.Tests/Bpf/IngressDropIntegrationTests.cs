using System.Net;
using DualHome.Linux.Bpf;
using DualHome.Linux.Packet;
using DualHome.Linux.Tests.Packet;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Bpf;

/// <summary>
/// The packet-mode ingress drop on a real kernel: a frame the workers forward still reaches an ETH_P_ALL tap (taps run
/// before tc ingress) but no longer the kernel's IPv6 input (Ip6InReceives stays put); frames for the router itself,
/// link-local and multicast ones still reach the kernel; closing the program's link gives the kernel every frame back.
/// </summary>
public sealed class IngressDropIntegrationTests
{
    private const int Count = 20;
    private static readonly IPAddress Local = IPAddress.Parse("fd00:0:0:1::1");
    private static readonly IPAddress Elsewhere = IPAddress.Parse("fd00:0:0:2::20");

    [Theory]
    [InlineData(IngressHook.TcxLink)]
    [InlineData(IngressHook.ClsactFilter)]
    public void ForwardedFrames_ReachTheTap_NotTheKernel_UntilDisposed(IngressHook hook)
    {
        Root.Require();
        using var link = Prepared();
        using var tap = link.OpenLeft(PacketSocketOptions.Receiver() with { Protocol = PacketProtocol.All });
        var drop = link.Left.Run(() => Loaded(link, hook));
        try
        {
            var nonce = TestFrames.NewNonce();
            long kernel = Delivered(link, () => Send(link, Elsewhere, nonce));
            Assert.Equal(Count, PacketLink.Collect(tap.Rx, nonce, Count).Count);
            Assert.True(kernel < Count, $"the kernel's IPv6 input saw {kernel} of {Count} dropped frames");
        }
        finally
        {
            link.Left.Run(drop.Dispose);
        }

        long after = Delivered(link, () => Send(link, Elsewhere, TestFrames.NewNonce()));
        Assert.True(after >= Count, $"after Dispose the kernel saw {after} of {Count}");
    }

    [Fact]
    public void ClsactFilter_LeftByAKilledDaemon_IsReplaced_AndDisposeRemovesIt()
    {
        Root.Require();
        using var link = Prepared();
        var stale = link.Left.Run(() => Loaded(link, IngressHook.ClsactFilter)); // never disposed: a killed daemon
        var drop = link.Left.Run(() => Loaded(link, IngressHook.ClsactFilter));
        Assert.Single(Filters(link));
        link.Left.Run(drop.Dispose);
        Assert.Empty(Filters(link));
        link.Left.Run(stale.Dispose); // its filter is already gone: best effort, no throw
    }

    [Fact]
    public void Attach_PrefersATcxLink_WhereTheKernelHasThem()
    {
        Root.Require();
        using var link = Prepared();
        var drop = link.Left.Run(IngressDrop.Load);
        try
        {
            var hook = link.Left.Run(() => drop.Attach(LinkInfo.Get(VethPair.LeftInterface).Index));
            Assert.Equal(Environment.OSVersion.Version >= new Version(6, 6) ? IngressHook.TcxLink : IngressHook.ClsactFilter, hook);
        }
        finally
        {
            link.Left.Run(drop.Dispose);
        }
    }

    /// <summary>The ingress filters tc lists on "a" (tc prints a header line per priority, then one per filter handle).</summary>
    private static string[] Filters(PacketLink link) =>
        Shell.Run("tc", "-n", link.Left.Name, "filter", "show", "dev", VethPair.LeftInterface, "ingress")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("filter", StringComparison.Ordinal) && l.Contains(" handle ", StringComparison.Ordinal)).ToArray();

    [Theory]
    [InlineData("fd00:0:0:1::1")]   // the router's own address (in the map)
    [InlineData("fe80::99")]        // link-local: RFC 4291 §2.5.6, never forwarded
    public void FramesForTheKernel_StillReachIt(string destination)
    {
        Root.Require();
        using var link = Prepared();
        var drop = link.Left.Run(() => Loaded(link));
        try
        {
            long kernel = Delivered(link, () => Send(link, IPAddress.Parse(destination), TestFrames.NewNonce()));
            Assert.True(kernel >= Count, $"the kernel saw {kernel} of {Count} frames for {destination}");
        }
        finally
        {
            link.Left.Run(drop.Dispose);
        }
    }

    [Fact]
    public void LocalAddresses_AreSynced_AddedAndRemoved()
    {
        Root.Require();
        using var link = Prepared();
        var drop = link.Left.Run(IngressDrop.Load);
        try
        {
            drop.SetLocalAddresses([Local, IPAddress.Parse("fd00::2"), IPAddress.Parse("192.0.2.1")]);
            Assert.Equal(2, drop.LocalAddresses.Count);
            drop.SetLocalAddresses([IPAddress.Parse("fd00::2")]);
            Assert.Equal([IPAddress.Parse("fd00::2")], drop.LocalAddresses);
        }
        finally
        {
            drop.Dispose();
        }
    }

    private static PacketLink Prepared()
    {
        var link = new PacketLink();
        link.Left.Ip("addr", "add", $"{Local}/64", "dev", VethPair.LeftInterface, "nodad");
        link.SilenceRight();
        return link;
    }

    private static IngressDrop Loaded(PacketLink link, IngressHook hook = IngressHook.TcxLink)
    {
        var drop = IngressDrop.Load();
        int index = LinkInfo.Get(VethPair.LeftInterface).Index;
        if (hook == IngressHook.TcxLink) drop.AttachLink(index);
        else drop.AttachFilter(index);
        drop.SetLocalAddresses([Local]);
        return drop;
    }

    private static void Send(PacketLink link, IPAddress destination, ulong nonce)
    {
        using var sender = link.OpenSender();
        for (int i = 0; i < Count; i++)
        {
            var frame = TestFrames.Udp(link.LeftMac, link.RightMac, nonce, i, 40000);
            destination.TryWriteBytes(frame.AsSpan(TestFrames.EthernetHeaderLength + 24, 16), out _);
            sender.Send(frame);
        }
    }

    /// <summary>How many IPv6 packets the kernel of Left took in (Ip6InReceives, counted by ip6_rcv) during <paramref name="send"/>.</summary>
    private static long Delivered(PacketLink link, Action send)
    {
        long before = InReceives(link);
        send();
        Thread.Sleep(200); // veth delivers in softirq; let it finish
        return InReceives(link) - before;
    }

    private static long InReceives(PacketLink link) => link.Left.Run(() =>
        File.ReadAllLines("/proc/thread-self/net/snmp6").Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length == 2 && p[0] == "Ip6InReceives").Select(p => long.Parse(p[1])).Single());
}
