using System.Buffers.Binary;
using System.Net;
using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Engine;
using DualHome.DataPlane.Prefixes;
using DualHome.DataPlane.Tests.Support;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Ipv6;
using DualHome.Wire.Offload;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.DataPlane.Tests.Engine;

/// <summary>Offloads carried through the worker (DataPlane.Offloads "carry"): GSO super-frames, pending checksums.</summary>
public sealed class WorkerOffloadTests
{
    private const int HopLimitOffset = 14 + 7;
    private const int TransportOffset = 14 + 40;
    private readonly Site _site = new();
    private readonly FakePort _lan = new() { CarriesLarge = true }, _wanA = new() { CarriesLarge = true }, _wanB = new() { CarriesLarge = true };
    private readonly FakeResolver _resolver = new();
    private readonly FakeTimeProvider _time = new();
    private readonly ForwardingWorker _worker;

    public WorkerOffloadTests() =>
        _worker = new ForwardingWorker(_site.Forwarder, new FakeIo(_lan, _wanA, _wanB), _resolver, _time);

    /// <summary>A GRO'd TCP super-frame: 20-byte TCP header, <paramref name="payload"/> bytes, segments of <paramref name="gsoSize"/>.</summary>
    private static (byte[] Frame, VirtioNetHeader Offload) SuperFrame(string source, string destination, int payload, ushort gsoSize,
        string dstMac = Site.RouterMac, string srcMac = Site.HostMac)
    {
        byte[] frame = Frames.Ipv6(source, destination, payloadLength: 20 + payload, dstMac: dstMac, srcMac: srcMac, nextHeader: IpProtocols.Tcp);
        frame[TransportOffset + 12] = 5 << 4; // data offset: 5 words
        var offload = new VirtioNetHeader(VirtioNetHeader.NeedsChecksum | VirtioNetHeader.DataValid, VirtioNetHeader.GsoTcpV6,
            (ushort)(TransportOffset + 20), gsoSize, TransportOffset, 16);
        return (frame, offload);
    }

    [Fact]
    public void A_super_frame_leaves_whole_with_its_offload_header_after_what_was_queued_before_it()
    {
        byte[] small = Frames.Ipv6(Site.HostB, Site.Server);
        var (large, offload) = SuperFrame(Site.HostB, Site.Server, 30_000, 1400);
        _lan.Incoming.Enqueue(small);
        _lan.Incoming.Enqueue(large);
        _lan.IncomingOffloads[large] = offload;

        _worker.RunOnce(TimeSpan.Zero);

        Assert.Equal([small.Length, large.Length], _wanB.Sent.Select(f => f.Length));
        byte[] sent = _wanB.Sent[1];
        Assert.Equal(Mac.Parse(Site.GatewayBMac), Mac.Read(sent.AsSpan(0, 6)));
        Assert.Equal(63, sent[HopLimitOffset]);
        Assert.Equal(large.AsSpan(HopLimitOffset + 1).ToArray(), sent.AsSpan(HopLimitOffset + 1).ToArray());
        Assert.Equal(offload.ForTransmit(), _wanB.SentOffloads[1]);
        Assert.Equal(VirtioNetHeader.None, _wanB.SentOffloads[0]);
        Assert.Equal(1, _wanB.LargeSends);
        Assert.Equal(1, _worker.Counters.Large);
        Assert.Equal(2, _worker.Counters.Sent(Site.WanB));
    }

    [Fact]
    public void A_small_frame_with_a_pending_checksum_takes_its_header_into_the_ring()
    {
        byte[] frame = Frames.Ipv6(Site.HostA, Site.Server);
        var offload = new VirtioNetHeader(VirtioNetHeader.NeedsChecksum, VirtioNetHeader.GsoNone, 0, 0, TransportOffset, 6);
        _lan.Incoming.Enqueue(frame);
        _lan.IncomingOffloads[frame] = offload;

        _worker.RunOnce(TimeSpan.Zero);

        Assert.Single(_wanA.Sent);
        Assert.Equal(offload, Assert.Single(_wanA.SentOffloads));
        Assert.Equal(0, _wanA.LargeSends);
    }

    [Fact]
    public void Segments_too_long_for_the_egress_are_answered_with_packet_too_big_though_the_frame_arrived_whole()
    {
        // WAN B's MTU is 1480: segments of 1440 fit (40 + 20 + 1440 = 1500 would not; 1420 + 60 = 1480 does).
        var (fits, fitsOffload) = SuperFrame(Site.HostB, Site.Server, 10_000, 1420);
        var (tooBig, tooBigOffload) = SuperFrame(Site.HostB, Site.Server, 10_000, 1421);
        _lan.Incoming.Enqueue(fits);
        _lan.IncomingOffloads[fits] = fitsOffload;
        _lan.Incoming.Enqueue(tooBig);
        _lan.IncomingOffloads[tooBig] = tooBigOffload;

        _worker.RunOnce(TimeSpan.Zero);

        Assert.Equal(fits.Length, Assert.Single(_wanB.Sent).Length);
        byte[] error = Assert.Single(_lan.Sent);
        Assert.Equal(2, error[TransportOffset]); // RFC 4443 §3.2 Packet Too Big
        Assert.Equal(Site.WanBMtu, BinaryPrimitives.ReadInt32BigEndian(error.AsSpan(TransportOffset + 4)));
        Assert.Equal(1, _site.Drops.Get(Port.Lan, DropReason.TooBig));
    }

    [Fact]
    public void A_port_that_cannot_send_large_frames_counts_them_too_big()
    {
        _wanB.CarriesLarge = false;
        _lan.CarriesLarge = false;
        var (large, offload) = SuperFrame(Site.HostB, Site.Server, 3_000, 1400);
        _lan.Incoming.Enqueue(large);
        _lan.IncomingOffloads[large] = offload;

        _worker.RunOnce(TimeSpan.Zero);

        Assert.Empty(_wanB.Sent);
        Assert.Equal(1, _site.Drops.Get(Port.Lan, DropReason.TooBig));
    }

    [Fact]
    public void A_frame_held_for_a_neighbour_has_its_checksum_filled_in_since_it_leaves_without_its_header()
    {
        const string newHost = "2001:db8:a:1::99";
        byte[] frame = Frames.FromIspA(Site.Server, newHost);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(TransportOffset + 4), 16); // UDP length
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(TransportOffset + 6), PseudoHeaderSum(frame)); // what a sender's offload leaves
        _wanA.Incoming.Enqueue(frame);
        _wanA.IncomingOffloads[frame] = new VirtioNetHeader(VirtioNetHeader.NeedsChecksum, 0, 0, 0, TransportOffset, 6);

        _worker.RunOnce(TimeSpan.Zero);
        _site.LanNeighbors.Add(newHost, "00:00:5e:00:53:99");
        _worker.RunOnce(TimeSpan.Zero);

        byte[] sent = Assert.Single(_lan.Sent);
        Assert.Equal(VirtioNetHeader.None, Assert.Single(_lan.SentOffloads));
        Assert.Equal(0xffff, Fold(PseudoHeaderSum(sent) + Sum(sent.AsSpan(TransportOffset)))); // RFC 768 receiver check
    }

    [Fact]
    public void A_super_frame_for_an_unresolved_neighbour_is_dropped_not_held_but_asks_for_the_neighbour_once_a_second()
    {
        const string newHost = "2001:db8:a:1::99";
        for (int i = 0; i < 3; i++)
        {
            var (large, offload) = SuperFrame(Site.Server, newHost, 3_000, 1400, Site.WanAMac, Site.GatewayAMac);
            _wanA.Incoming.Enqueue(large);
            _wanA.IncomingOffloads[large] = offload;
            _worker.RunOnce(TimeSpan.Zero);
            if (i == 1)
                _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, _worker.Pending);
        Assert.Equal(3, _site.Drops.Get(Port.Lan, DropReason.NoNeighbor));
        Assert.Equal(2, _resolver.Requests.Count); // the first frame, then the first after a second
        Assert.All(_resolver.Requests, r => Assert.Equal((Port.Lan, Ipv6Key.From(IPAddress.Parse(newHost))), r));
    }

    /// <summary>RFC 8200 §8.1 for UDP, folded; independent of the code under test.</summary>
    private static ushort PseudoHeaderSum(byte[] frame)
    {
        var ip = frame.AsSpan(14);
        uint sum = Sum(ip.Slice(8, 32)) + (uint)(frame.Length - TransportOffset) + IpProtocols.Udp;
        return Fold(sum);
    }

    private static uint Sum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (int i = 0; i + 1 < data.Length; i += 2)
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        if (data.Length % 2 == 1)
            sum += (uint)data[^1] << 8;
        return sum;
    }

    private static ushort Fold(uint sum)
    {
        while (sum > 0xffff)
            sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)sum;
    }
}
