using DualHome.Linux.Interop;
using static DualHome.Linux.Interop.PacketConstants;

namespace DualHome.Linux.Packet;

/// <summary>The setsockopt sequence at open, in the order the kernel demands (packet_mmap.rst, packet(7)).</summary>
public sealed partial class PacketSocket
{
    /// <summary>
    /// PACKET_VERSION, then PACKET_LOSS (both refused once a ring exists), then the rings, then one mmap
    /// covering RX followed by TX: the kernel refuses a mapping that does not cover every ring.
    /// </summary>
    private static unsafe SafeMappedRegion? SetUpRings(SafeFdHandle fd, PacketSocketOptions options)
    {
        if (options.VnetHeader)
        {
            SocketCalls.SetOption(fd, SOL_PACKET, PACKET_VNET_HDR, 1, "PACKET_VNET_HDR"); // EBUSY once a ring exists
        }

        if (options.RxRing is null && options.TxRing is null)
        {
            return null;
        }

        SocketCalls.SetOption(fd, SOL_PACKET, PACKET_VERSION, TPACKET_V2, "PACKET_VERSION");
        if (options.TxRing is { } tx)
        {
            // A slot the kernel rejects (too long for the MTU) is skipped and freed instead of
            // wedging the ring at TP_STATUS_WRONG_FORMAT (tpacket_snd).
            SocketCalls.SetOption(fd, SOL_PACKET, PACKET_LOSS, 1, "PACKET_LOSS");
            SocketCalls.SetOption(fd, SOL_PACKET, PACKET_TX_RING, tx.ToRequest(), "PACKET_TX_RING");
        }

        if (options.RxRing is { } rx)
        {
            SocketCalls.SetOption(fd, SOL_PACKET, PACKET_RX_RING, rx.ToRequest(), "PACKET_RX_RING");
        }

        var total = (options.RxRing?.TotalBytes ?? 0) + (options.TxRing?.TotalBytes ?? 0);
        return SafeMappedRegion.MapShared(fd, (nuint)total, "packet rings");
    }

    private static void SetOptions(SafeFdHandle fd, PacketSocketOptions options)
    {
        if (options.IgnoreOutgoing)
        {
            SocketCalls.SetOption(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, 1, "PACKET_IGNORE_OUTGOING");
        }

        if (options.QdiscBypass)
        {
            SocketCalls.SetOption(fd, SOL_PACKET, PACKET_QDISC_BYPASS, 1, "PACKET_QDISC_BYPASS");
        }

        if (options.QueueOversize)
        {
            SocketCalls.SetOption(fd, SOL_PACKET, PACKET_COPY_THRESH, 1, "PACKET_COPY_THRESH");
        }

        if (options.ReceiveBufferBytes > 0)
        {
            SocketCalls.SetOption(fd, SocketConstants.SOL_SOCKET, SocketConstants.SO_RCVBUFFORCE, options.ReceiveBufferBytes, "SO_RCVBUFFORCE");
        }
    }

    /// <summary>bind(2) to the interface: from here on the socket receives its frames (unless protocol is 0).</summary>
    private static unsafe void Bind(SafeFdHandle fd, int index, PacketProtocol protocol)
    {
        var address = new SockAddrLl
        {
            Family = AF_PACKET,
            ProtocolBigEndian = NetworkOrder(protocol),
            InterfaceIndex = index,
        };
        if (Libc.Bind(fd, &address, (uint)sizeof(SockAddrLl)) != 0)
        {
            throw NativeErrorException.FromLastError($"bind(AF_PACKET, ifindex {index})");
        }
    }

    /// <summary>Promiscuous membership and fanout need a bound, running socket.</summary>
    private static void JoinAfterBind(SafeFdHandle fd, int index, PacketSocketOptions options)
    {
        if (options.Promiscuous)
        {
            // Counted per socket by the kernel and dropped with it at close: no global state left behind.
            var request = new PacketMReq { InterfaceIndex = index, Type = PACKET_MR_PROMISC };
            SocketCalls.SetOption(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, request, "PACKET_ADD_MEMBERSHIP(PROMISC)");
        }

        if (options.Fanout is { } fanout)
        {
            SocketCalls.SetOption(fd, SOL_PACKET, PACKET_FANOUT, fanout.ToOptionValue(), $"PACKET_FANOUT({fanout})");
        }
    }

    private static ushort NetworkOrder(PacketProtocol protocol) => protocol switch
    {
        PacketProtocol.None => 0,
        PacketProtocol.All => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(ETH_P_ALL),
        PacketProtocol.Ipv6 => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(ETH_P_IPV6),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
    };
}
