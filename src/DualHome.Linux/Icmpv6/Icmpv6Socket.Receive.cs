using System.Net;
using System.Runtime.InteropServices;
using DualHome.Linux.Interop;

namespace DualHome.Linux.Icmpv6;

/// <summary>recvmsg with the source address and ancillary data.</summary>
public sealed partial class Icmpv6Socket
{
    /// <summary>Room for CMSG_SPACE(int) + CMSG_SPACE(in6_pktinfo) with margin.</summary>
    private const int ControlBufferSize = 128;

    /// <summary>
    /// Receives one ICMPv6 message (the ICMPv6 header onwards; the kernel strips the IPv6 header).
    /// Returns false when the receive timeout passed without a message, or when the socket was
    /// disposed while waiting; throws <see cref="ObjectDisposedException"/> if it was disposed before
    /// the call and <see cref="NativeErrorException"/> for any other failure.
    /// </summary>
    public unsafe bool TryReceive(Span<byte> buffer, out Icmpv6Datagram meta, out int length)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        SockAddrIn6 from = default;
        var control = stackalloc byte[ControlBufferSize];
        fixed (byte* data = buffer)
        {
            var iov = new IoVec { Base = data, Length = (nuint)buffer.Length };
            var message = new MsgHdr
            {
                Name = &from,
                NameLength = (uint)sizeof(SockAddrIn6),
                Iov = &iov,
                IovLength = 1,
                Control = control,
                ControlLength = ControlBufferSize,
            };
            length = (int)ReceiveOnce(&message);
            var ancillary = new ReadOnlySpan<byte>(control, (int)message.ControlLength);
            meta = length > 0 ? Describe(from, ancillary, (message.Flags & SocketConstants.MSG_TRUNC) != 0) : default;
            return length > 0;
        }
    }

    /// <summary>One recvmsg, retried on EINTR; 0 means "nothing": timeout (EAGAIN) or disposal.</summary>
    private unsafe nint ReceiveOnce(MsgHdr* message)
    {
        while (true)
        {
            nint received;
            try
            {
                received = Libc.RecvMsg(_fd, message, 0);
            }
            catch (ObjectDisposedException) when (IsDisposed)
            {
                return 0; // Dispose closed the handle between our check and the call.
            }

            if (received >= 0)
            {
                return IsDisposed ? 0 : received; // shutdown(2) wakes recvmsg with 0
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == Errno.EAGAIN || IsDisposed)
            {
                return 0; // SO_RCVTIMEO expired (socket(7)), or the socket is going away
            }

            if (errno != Errno.EINTR)
            {
                throw new NativeErrorException("recvmsg(ICMPv6)", errno);
            }
        }
    }

    private static unsafe Icmpv6Datagram Describe(SockAddrIn6 from, ReadOnlySpan<byte> control, bool truncated)
    {
        // The kernel fills sin6_scope_id with the arrival ifindex for link-local sources (ipv6(7)).
        var source = new IPAddress(new ReadOnlySpan<byte>(from.Address, 16), from.ScopeId);
        var ancillary = ControlMessages.Parse(control);
        var destination = ancillary.HasPacketInfo ? ancillary.Destination.ToAddress(0) : IPAddress.IPv6Any;
        return new Icmpv6Datagram(source, destination, ancillary.InterfaceIndex, ancillary.HopLimit, truncated);
    }
}
