using System.Runtime.InteropServices;
using DualHome.Linux.Interop;

namespace DualHome.Linux.Packet;

/// <summary>One-frame sends, for sockets without a transmit ring (rare frames: ICMPv6 errors, tests).</summary>
public sealed partial class PacketSocket
{
    /// <summary>
    /// Sends one whole Ethernet frame out of the bound interface. Returns false when the kernel could not
    /// take it now (ENOBUFS, EAGAIN, ENETDOWN, ENXIO: counted by the caller as a drop); throws for misuse.
    /// A socket with a transmit ring must use <see cref="Tx"/>: there send(2) only kicks the ring.
    /// </summary>
    public unsafe bool Send(ReadOnlySpan<byte> frame) => Send(frame, PacketProtocol.None);

    /// <summary>
    /// As <see cref="Send(ReadOnlySpan{byte})"/>, telling the kernel the frame's protocol (sockaddr_ll.sll_protocol,
    /// which becomes skb->protocol): a GSO frame is segmented by the handler of that protocol, and a socket bound to
    /// no protocol would otherwise leave it 0. <see cref="PacketProtocol.None"/>: the socket's own.
    /// </summary>
    public unsafe bool Send(ReadOnlySpan<byte> frame, PacketProtocol protocol)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var address = new SockAddrLl
        {
            Family = PacketConstants.AF_PACKET,
            ProtocolBigEndian = NetworkOrder(protocol),
            InterfaceIndex = InterfaceIndex,
        };
        var addressLength = protocol == PacketProtocol.None ? 0u : (uint)sizeof(SockAddrLl);
        if (_tx is not null)
        {
            throw new InvalidOperationException($"{InterfaceName}: a socket with a transmit ring sends through Tx");
        }

        fixed (byte* data = frame)
        {
            nint sent;
            do
            {
                sent = Libc.SendTo(_fd, data, (nuint)frame.Length, 0, addressLength == 0 ? null : &address, addressLength);
            }
            while (sent < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR);

            if (sent >= 0)
            {
                return true;
            }

            ThrowUnlessTransient(Marshal.GetLastPInvokeError(), "sendto(AF_PACKET)");
            return false;
        }
    }

    /// <summary>
    /// Takes the next whole frame the kernel queued on the socket (with <see cref="PacketSocketOptions.QueueOversize"/>,
    /// a frame too long for its ring slot; with PACKET_VNET_HDR it starts with the 10-byte header) into
    /// <paramref name="buffer"/>. Returns its length, 0 when none is queued, or -1 when it was longer than the buffer
    /// (it is consumed: the kernel does not keep a truncated datagram).
    /// </summary>
    public unsafe int ReceiveQueued(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        fixed (byte* data = buffer)
        {
            nint received;
            do
            {
                received = Libc.Recv(_fd, data, (nuint)buffer.Length, PacketConstants.MSG_DONTWAIT | SocketConstants.MSG_TRUNC);
            }
            while (received < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR);

            if (received >= 0)
            {
                return received > buffer.Length ? -1 : (int)received;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno is Errno.EAGAIN or Errno.ENETDOWN)
            {
                return 0;
            }

            throw new NativeErrorException("recv(AF_PACKET)", errno);
        }
    }

    /// <summary>Returns for the errors a busy or vanishing link gives (the frame is a drop); any other errno is a bug and throws.</summary>
    internal static void ThrowUnlessTransient(int errno, string operation)
    {
        if (errno is not (Errno.ENOBUFS or Errno.EAGAIN or Errno.ENETDOWN or Errno.ENXIO))
        {
            throw new NativeErrorException(operation, errno);
        }
    }
}
