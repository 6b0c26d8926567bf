using System.Runtime.InteropServices;
using DualHome.Linux.Interop;
using static DualHome.Linux.Netlink.NetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>A NETLINK_ROUTE socket: open, send one request to the kernel, receive whole datagrams (netlink(7)).</summary>
internal sealed class NetlinkSocket : IDisposable
{
    /// <summary>The kernel always answers at once; a silent kernel is a bug worth an error, not a hang.</summary>
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(5);

    private readonly SafeFdHandle _fd;

    private NetlinkSocket(SafeFdHandle fd) => _fd = fd;

    /// <summary>Opens and binds the socket; the kernel assigns the port id. Lives in the calling thread's namespace.</summary>
    public static unsafe NetlinkSocket Open()
    {
        var fd = SocketCalls.Open(SocketConstants.AF_NETLINK, SocketConstants.SOCK_RAW, NETLINK_ROUTE, "AF_NETLINK, NETLINK_ROUTE");
        try
        {
            // Short error ACKs with the kernel's explanation (since Linux 4.12); both are optional,
            // so a kernel without extended ACKs still gives plain errno ACKs.
            TrySetOption(fd, NETLINK_CAP_ACK);
            TrySetOption(fd, NETLINK_EXT_ACK);
            SocketCalls.SetReceiveTimeout(fd, ReceiveTimeout);
            var local = new SockAddrNl { Family = SocketConstants.AF_NETLINK };
            if (Libc.Bind(fd, &local, (uint)sizeof(SockAddrNl)) != 0)
            {
                throw NativeErrorException.FromLastError("bind(AF_NETLINK)");
            }

            return new NetlinkSocket(fd);
        }
        catch
        {
            fd.Dispose();
            throw;
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
    public unsafe int Receive(Span<byte> buffer)
    {
        fixed (byte* data = buffer)
        {
            while (true)
            {
                var received = Libc.Recv(_fd, data, (nuint)buffer.Length, SocketConstants.MSG_TRUNC);
                if (received > buffer.Length)
                {
                    throw new InvalidDataException($"netlink reply of {received} bytes exceeds {buffer.Length}");
                }

                if (received >= 0)
                {
                    return (int)received;
                }

                if (Marshal.GetLastPInvokeError() != Errno.EINTR)
                {
                    throw NativeErrorException.FromLastError("recv(AF_NETLINK)");
                }
            }
        }
    }

    public void Dispose() => _fd.Dispose();

    /// <summary>Sets an optional SOL_NETLINK flag; an older kernel's ENOPROTOOPT is ignored on purpose.</summary>
    private static unsafe void TrySetOption(SafeFdHandle fd, int option)
    {
        var on = 1;
        _ = Libc.SetSockOpt(fd, SOL_NETLINK, option, &on, sizeof(int));
    }
}
