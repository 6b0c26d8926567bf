using System.Runtime.InteropServices;
using DualHome.Linux.Interop;
using static DualHome.Linux.Netlink.NetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>A netlink socket (NETLINK_ROUTE, or NETLINK_GENERIC for MPTCP): open, send one request to the kernel,
/// receive whole datagrams (netlink(7)).</summary>
internal sealed class NetlinkSocket : IDisposable
{
    /// <summary>The kernel always answers at once; a silent kernel is a bug worth an error, not a hang.</summary>
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>sendto flag (bits/socket.h): fail with EAGAIN instead of waiting for room in the receiver's queue.</summary>
    private const int MSG_DONTWAIT = 0x40;

    private readonly SafeFdHandle _fd;

    private NetlinkSocket(SafeFdHandle fd) => _fd = fd;

    /// <summary>
    /// Opens and binds the socket; the kernel assigns the port id. <paramref name="groups"/> is the nl_groups
    /// bitmask of multicast groups to join (bit n − 1 for group n). Lives in the calling thread's namespace.
    /// </summary>
    public static unsafe NetlinkSocket Open(uint groups = 0, int protocol = NETLINK_ROUTE)
    {
        var fd = SocketCalls.Open(SocketConstants.AF_NETLINK, SocketConstants.SOCK_RAW, protocol,
            protocol == NETLINK_ROUTE ? "AF_NETLINK, NETLINK_ROUTE" : $"AF_NETLINK, protocol {protocol}");
        try
        {
            // Short error ACKs with the kernel's explanation (since Linux 4.12); both are optional,
            // so a kernel without extended ACKs still gives plain errno ACKs.
            TrySetOption(fd, NETLINK_CAP_ACK);
            TrySetOption(fd, NETLINK_EXT_ACK);
            SocketCalls.SetReceiveTimeout(fd, ReceiveTimeout);
            var local = new SockAddrNl { Family = SocketConstants.AF_NETLINK, Groups = groups };
            if (Libc.Bind(fd, &local, (uint)sizeof(SockAddrNl)) != 0)
            {
                throw NativeErrorException.FromLastError("bind(AF_NETLINK)");
            }

            var length = (uint)sizeof(SockAddrNl);
            if (Libc.GetSockName(fd, &local, &length) != 0)
            {
                throw NativeErrorException.FromLastError("getsockname(AF_NETLINK)");
            }

            return new NetlinkSocket(fd) { PortId = local.PortId };
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    /// <summary>The port id the kernel assigned at bind: the address other sockets (or this one) can send to.</summary>
    public uint PortId { get; private init; }

    /// <summary>
    /// Makes a recv blocked in another thread return: queues an NLMSG_NOOP addressed to this socket itself.
    /// shutdown(2) cannot do it here, netlink sockets do not implement it (sock_no_shutdown returns EOPNOTSUPP).
    /// Never blocks; false if the queue is full, and then no recv is blocked anyway.
    /// </summary>
    public unsafe bool TryWakeReceiver()
    {
        Span<byte> noop = stackalloc byte[NetlinkConstants.HeaderSize];
        noop.Clear();
        noop[0] = NetlinkConstants.HeaderSize; // nlmsg_len, little-endian
        noop[4] = (byte)NLMSG_NOOP;
        var self = new SockAddrNl { Family = SocketConstants.AF_NETLINK, PortId = PortId };
        fixed (byte* data = noop)
        {
            return Libc.SendTo(_fd, data, (nuint)noop.Length, MSG_DONTWAIT, &self, (uint)sizeof(SockAddrNl)) >= 0;
        }
    }

    public unsafe void Send(ReadOnlySpan<byte> request)
    {
        var kernel = new SockAddrNl { Family = SocketConstants.AF_NETLINK };
        fixed (byte* data = request)
        {
            nint sent;
            do
            {
                sent = Libc.SendTo(_fd, data, (nuint)request.Length, 0, &kernel, (uint)sizeof(SockAddrNl));
            }
            while (sent < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR);

            if (sent < 0)
            {
                throw NativeErrorException.FromLastError("sendto(AF_NETLINK)");
            }
        }
    }

    /// <summary>Receives one datagram; MSG_TRUNC makes a too-small buffer an error instead of silent loss.</summary>
    public int Receive(Span<byte> buffer)
    {
        var received = TryReceive(buffer, out var errno);
        if (received > buffer.Length)
        {
            throw new InvalidDataException($"netlink reply of {received} bytes exceeds {buffer.Length}");
        }

        return received >= 0 ? received : throw new NativeErrorException("recv(AF_NETLINK)", errno);
    }

    /// <summary>
    /// Receives one datagram, retrying on EINTR, and returns its real length, which exceeds the buffer when the
    /// datagram was cut (MSG_TRUNC). −1 with the errno otherwise: EAGAIN after the receive timeout, ENOBUFS when
    /// the kernel dropped messages because the receive buffer was full (netlink(7)).
    /// </summary>
    public unsafe int TryReceive(Span<byte> buffer, out int errno)
    {
        errno = 0;
        fixed (byte* data = buffer)
        {
            while (true)
            {
                var received = Libc.Recv(_fd, data, (nuint)buffer.Length, SocketConstants.MSG_TRUNC);
                if (received >= 0)
                {
                    return (int)received;
                }

                errno = Marshal.GetLastPInvokeError();
                if (errno != Errno.EINTR)
                {
                    return -1;
                }
            }
        }
    }

    /// <summary>SO_RCVBUF: how much the kernel may queue for us before it drops (the kernel doubles the value).</summary>
    public void SetReceiveBufferSize(int bytes) =>
        SocketCalls.SetOption(_fd, SocketConstants.SOL_SOCKET, SocketConstants.SO_RCVBUF, bytes, "SO_RCVBUF");

    public void Dispose() => _fd.Dispose();

    /// <summary>Sets an optional SOL_NETLINK flag; an older kernel's ENOPROTOOPT is ignored on purpose.</summary>
    private static unsafe void TrySetOption(SafeFdHandle fd, int option)
    {
        var on = 1;
        _ = Libc.SetSockOpt(fd, SOL_NETLINK, option, &on, sizeof(int));
    }
}
