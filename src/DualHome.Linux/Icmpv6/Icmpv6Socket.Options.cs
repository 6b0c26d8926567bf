using System.Net;
using System.Text;
using DualHome.Linux.Interop;
using static DualHome.Linux.Interop.Ipv6Constants;

namespace DualHome.Linux.Icmpv6;

/// <summary>The socket options set once at open.</summary>
public sealed partial class Icmpv6Socket
{
    /// <summary>RFC 4861 §6.1.2 / §7.1.2: every ND message is sent, and must arrive, with hop limit 255.</summary>
    private const int NdHopLimit = 255;

    private static void Configure(
        SafeFdHandle fd, string interfaceName, int index, ReadOnlySpan<byte> acceptedTypes, TimeSpan receiveTimeout)
    {
        BindToDevice(fd, interfaceName);
        SocketCalls.SetOption(fd, IPPROTO_ICMPV6, ICMP6_FILTER, Icmpv6Filter.Build(acceptedTypes), "ICMP6_FILTER");

        // RFC 3542 §6: ask for the hop limit (to check 255) and the destination/ifindex of each datagram.
        SocketCalls.SetOption(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
        SocketCalls.SetOption(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");

        SocketCalls.SetOption(fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, NdHopLimit, "IPV6_MULTICAST_HOPS");
        SocketCalls.SetOption(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, NdHopLimit, "IPV6_UNICAST_HOPS");

        // Our own RAs to ff02::1 are of no interest to our receive loop.
        SocketCalls.SetOption(fd, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
        SocketCalls.SetOption(fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, index, "IPV6_MULTICAST_IF");
        SocketCalls.SetReceiveTimeout(fd, receiveTimeout);
    }

    /// <summary>SO_BINDTODEVICE (socket(7)): receive only what arrives on, and send only through, this interface.</summary>
    private static void BindToDevice(SafeFdHandle fd, string interfaceName)
    {
        Span<byte> name = stackalloc byte[SocketConstants.IFNAMSIZ];
        name.Clear();
        Encoding.UTF8.GetBytes(interfaceName, name);
        SocketCalls.SetOption(fd, SocketConstants.SOL_SOCKET, SocketConstants.SO_BINDTODEVICE, name, "SO_BINDTODEVICE");
    }

    /// <summary>IPV6_ADD_MEMBERSHIP (RFC 3493 §5.2 IPV6_JOIN_GROUP) on one interface.</summary>
    private static unsafe void JoinGroup(SafeFdHandle fd, IPAddress group, int index)
    {
        if (!group.IsIPv6Multicast)
        {
            throw new ArgumentException($"{group} is not an IPv6 multicast address", nameof(group));
        }

        var request = new Ipv6MReq { InterfaceIndex = (uint)index };
        group.TryWriteBytes(new Span<byte>(request.Address, 16), out _);
        SocketCalls.SetOption(fd, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, request, $"IPV6_ADD_MEMBERSHIP {group}");
    }
}
