using System.Buffers.Binary;
using DualHome.Linux.Packet;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Packet;

/// <summary>
/// PACKET_VNET_HDR on a real kernel: the header the receive ring and the socket queue carry, and the one a transmit
/// ring slot or a ring-less send hands to the kernel (offloads carried, DataPlane.Offloads "carry").
/// </summary>
public sealed class VnetHeaderIntegrationTests
{
    private const int VnetLength = 10;
    private const int TransferBytes = 4 << 20;
    private const byte NeedsChecksum = 1, GsoTcpV6 = 4;
    private const int TransportOffset = 14 + 40;

    private static PacketSocketOptions CarryingReceiver() => PacketSocketOptions.Receiver() with
    {
        Protocol = PacketProtocol.Ipv6, VnetHeader = true, QueueOversize = true, ReceiveBufferBytes = 8 << 20,
    };

    [Fact]
    public void A_tcp_transfer_arrives_as_super_frames_truncated_in_the_ring_and_whole_on_the_socket_with_their_gso_header()
    {
        Root.Require();
        using var link = new PacketLink(); // the sender keeps veth's defaults: TSO on, so its skbs cross as 64 KB
        using var ring = link.OpenLeft(CarryingReceiver());
        var seen = new List<(int RingLength, int WholeLength, byte[] Header)>();

        TcpTransfer.RunWhile(link, TransferBytes, stop => Drain(ring, seen, stop));

        var log = TestContext.Current.TestOutputHelper;
        log?.WriteLine($"{seen.Count} super-frames, longest {seen.Select(s => s.WholeLength).DefaultIfEmpty().Max()} B; " +
                       $"first header {Convert.ToHexString(seen.FirstOrDefault().Header ?? [])}");
        Assert.True(seen.Count > 10, $"only {seen.Count} frames were queued whole");
        Assert.All(seen, s =>
        {
            Assert.Equal(s.RingLength, s.WholeLength); // tp_len: the length of the frame the socket returned
            Assert.True(s.WholeLength > 2048);
            Assert.Equal(NeedsChecksum, (byte)(s.Header[0] & NeedsChecksum));
            Assert.Equal(GsoTcpV6, s.Header[1]);
            Assert.InRange(BinaryPrimitives.ReadUInt16LittleEndian(s.Header.AsSpan(4)), 1000, 65535); // gso_size: the MSS
            Assert.Equal(TransportOffset, BinaryPrimitives.ReadUInt16LittleEndian(s.Header.AsSpan(6))); // csum_start
            Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(s.Header.AsSpan(8))); // TCP checksum field
        });
    }

    [Fact]
    public void A_ring_less_send_with_a_gso_header_crosses_the_link_as_one_super_frame()
    {
        Root.Require();
        using var link = new PacketLink();
        using var ring = link.OpenLeft(CarryingReceiver());
        using var sender = link.OpenRight(new PacketSocketOptions { Protocol = PacketProtocol.None, VnetHeader = true });
        var nonce = TestFrames.NewNonce();
        var superFrame = TcpSuperFrame(link, payload: 20_000, nonce);
        var header = Header(NeedsChecksum, GsoTcpV6, gsoSize: 1400, TransportOffset, 16);

        Assert.True(sender.Send([.. header, .. superFrame], PacketProtocol.Ipv6));

        var (frame, received) = ReceiveWhole(ring, nonce);
        Assert.Equal(superFrame.Length, frame.Length);
        Assert.Equal(GsoTcpV6, received[1]);
        Assert.Equal(1400, BinaryPrimitives.ReadUInt16LittleEndian(received.AsSpan(4)));
    }

    [Fact]
    public void A_transmit_slot_hands_its_header_to_the_kernel()
    {
        Root.Require();
        using var link = new PacketLink();
        using var ring = link.OpenLeft(CarryingReceiver());
        using var sender = link.OpenRight(PacketSocketOptions.Transmitter() with { VnetHeader = true });
        var nonce = TestFrames.NewNonce();
        var frame = TestFrames.Udp(link.LeftMac, link.RightMac, nonce, 0, 4000, length: 200);

        Assert.True(sender.Tx.TryGetSlot(out var slot));
        Assert.Equal(sender.Tx.Layout.MaxTransmitLength - VnetLength, slot.Length);
        frame.CopyTo(slot);
        sender.Tx.Commit(frame.Length, Header(NeedsChecksum, 0, 0, TransportOffset, 6)); // UDP checksum left to the "hardware"
        Assert.True(sender.Tx.Flush());

        var ours = PacketLink.Collect(ring.Rx, nonce, 1);
        var (received, meta) = Assert.Single(ours);
        Assert.Equal(frame, received);
        Assert.True(meta.Status.HasFlag(RxFrameStatus.ChecksumNotReady)); // the skb is still CHECKSUM_PARTIAL, as asked
    }

    [Fact]
    public void Without_the_option_a_slot_has_no_header_room()
    {
        Root.Require();
        using var link = new PacketLink();
        using var sender = link.OpenRight(PacketSocketOptions.Transmitter());
        Assert.True(sender.Tx.TryGetSlot(out var slot));
        Assert.Equal(sender.Tx.Layout.MaxTransmitLength, slot.Length);
    }

    private static byte[] Header(byte flags, byte gsoType, ushort gsoSize, ushort checksumStart, ushort checksumOffset)
    {
        var header = new byte[VnetLength];
        header[0] = flags;
        header[1] = gsoType;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), (ushort)(checksumStart + 20));
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), gsoSize);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), checksumStart);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), checksumOffset);
        return header;
    }

    /// <summary>Ethernet + IPv6 (fd00::/8) + a 20-byte TCP header + payload, the nonce at the start of the payload.</summary>
    private static byte[] TcpSuperFrame(PacketLink link, int payload, ulong nonce)
    {
        var frame = TestFrames.Udp(link.LeftMac, link.RightMac, nonce, 0, 4000, length: TransportOffset + 20 + payload);
        var ip = frame.AsSpan(14);
        ip[6] = 6; // next header: TCP
        var tcp = frame.AsSpan(TransportOffset);
        tcp[..20].Clear();
        BinaryPrimitives.WriteUInt16BigEndian(tcp, 40000);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], 9);
        tcp[12] = 5 << 4;
        tcp[13] = 0x10; // ACK
        BinaryPrimitives.WriteUInt64LittleEndian(tcp[20..], nonce);
        return frame;
    }

    private static (byte[] Frame, byte[] Header) ReceiveWhole(PacketSocket socket, ulong nonce)
    {
        var buffer = new byte[VnetLength + 70_000];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < PacketLink.Patience)
        {
            if (!socket.Rx.TryNext(out _, out var meta))
            {
                socket.Rx.Wait(TimeSpan.FromMilliseconds(50));
                continue;
            }
            socket.Rx.Release();
            if (!meta.Status.HasFlag(RxFrameStatus.Copy))
                continue;
            var length = socket.ReceiveQueued(buffer);
            if (length > VnetLength + TransportOffset + 28 && BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(VnetLength + TransportOffset + 20)) == nonce)
                return (buffer[VnetLength..length], buffer[..VnetLength]);
        }
        throw new TimeoutException("the super-frame did not arrive whole");
    }

    private static void Drain(PacketSocket socket, List<(int, int, byte[])> seen, CancellationToken stop)
    {
        var buffer = new byte[VnetLength + 70_000];
        while (!stop.IsCancellationRequested)
        {
            socket.Rx.Wait(TimeSpan.FromMilliseconds(20));
            while (socket.Rx.TryNext(out _, out var meta))
            {
                socket.Rx.Release();
                if (!meta.Status.HasFlag(RxFrameStatus.Copy))
                    continue;
                var length = socket.ReceiveQueued(buffer);
                if (length > VnetLength)
                    seen.Add((meta.Length, length - VnetLength, buffer[..VnetLength]));
            }
        }
    }
}
