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
    public unsafe bool Send(ReadOnlySpan<byte> frame)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (_tx is not null)
        {
            throw new InvalidOperationException($"{InterfaceName}: a socket with a transmit ring sends through Tx");
        }

        fixed (byte* data = frame)
        {
            nint sent;
            do
            {
                sent = Libc.SendTo(_fd, data, (nuint)frame.Length, 0, null, 0);
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

    /// <summary>Returns for the errors a busy or vanishing link gives (the frame is a drop); any other errno is a bug and throws.</summary>
    internal static void ThrowUnlessTransient(int errno, string operation)
    {
        if (errno is not (Errno.ENOBUFS or Errno.EAGAIN or Errno.ENETDOWN or Errno.ENXIO))
        {
            throw new NativeErrorException(operation, errno);
        }
    }
}
