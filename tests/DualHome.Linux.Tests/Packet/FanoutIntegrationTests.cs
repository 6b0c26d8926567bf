using DualHome.Linux.Packet;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Packet;

/// <summary>Two sockets in one PACKET_FANOUT group on "a" share the frames sent from "b".</summary>
public sealed class FanoutIntegrationTests
{
    [Fact]
    public void Hash_SplitsAFlowSet_AndKeepsEveryFlowOnOneSocket()
    {
        Root.Require();
        using var link = new PacketLink();
        var group = new PacketFanout(NewGroupId(), FanoutMode.Hash);
        using var first = link.OpenLeft(Member(group));
        using var second = link.OpenLeft(Member(group));
        using var sender = link.OpenSender();
        var nonce = TestFrames.NewNonce();
        const int Flows = 64, FramesPerFlow = 4;

        for (var round = 0; round < FramesPerFlow; round++)
        {
            for (var flow = 0; flow < Flows; flow++)
            {
                sender.Send(TestFrames.Udp(link.LeftMac, link.RightMac, nonce, (round * Flows) + flow, (ushort)(20000 + flow)));
            }
        }

        var atFirst = PacketLink.Collect(first.Rx, nonce, Flows * FramesPerFlow, TimeSpan.FromSeconds(1));
        var atSecond = PacketLink.Collect(second.Rx, nonce, Flows * FramesPerFlow, TimeSpan.FromSeconds(1));

        Assert.Equal(Flows * FramesPerFlow, atFirst.Count + atSecond.Count);
        var flowsAtFirst = atFirst.Select(r => TestFrames.SourcePortOf(r.Frame)).ToHashSet();
        var flowsAtSecond = atSecond.Select(r => TestFrames.SourcePortOf(r.Frame)).ToHashSet();
        Assert.Empty(flowsAtFirst.Intersect(flowsAtSecond)); // a flow never splits
        Assert.InRange(flowsAtFirst.Count, 8, Flows - 8); // 64 random hashes: both sockets get a real share
        Assert.Equal(Flows, flowsAtFirst.Count + flowsAtSecond.Count);
    }

    [Fact]
    public void LoadBalance_AlternatesFrameByFrame()
    {
        Root.Require();
        using var link = new PacketLink();
        link.SilenceRight();
        var group = new PacketFanout(NewGroupId(), FanoutMode.LoadBalance);
        using var first = link.OpenLeft(Member(group));
        using var second = link.OpenLeft(Member(group));
        using var sender = link.OpenSender();
        var nonce = TestFrames.NewNonce();

        for (var i = 0; i < 100; i++)
        {
            sender.Send(TestFrames.Udp(link.LeftMac, link.RightMac, nonce, i, 5000));
        }

        var atFirst = PacketLink.Collect(first.Rx, nonce, 100, TimeSpan.FromSeconds(1)).Count;
        var atSecond = PacketLink.Collect(second.Rx, nonce, 100, TimeSpan.FromSeconds(1)).Count;

        Assert.Equal(100, atFirst + atSecond);
        Assert.Equal(50, atFirst); // round robin, and no other frame on the link
    }

    [Fact]
    public void JoiningAGroupWithAnotherMode_Fails()
    {
        Root.Require();
        using var link = new PacketLink();
        var id = NewGroupId();
        using var first = link.OpenLeft(Member(new PacketFanout(id, FanoutMode.Hash)));

        var error = Assert.Throws<NativeErrorException>(() => link.OpenLeft(Member(new PacketFanout(id, FanoutMode.Cpu))));

        Assert.Equal(Errno.EINVAL, error.Errno);
    }

    private static PacketSocketOptions Member(PacketFanout group) =>
        PacketSocketOptions.Receiver() with { Protocol = PacketProtocol.Ipv6, Fanout = group };

    private static ushort NewGroupId() => (ushort)Random.Shared.Next(1, ushort.MaxValue);
}
