using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using DualHome.Linux.Interop;

namespace DualHome.Linux.Icmpv6;

/// <summary>sendto / sendmsg of complete ICMPv6 messages (checksum left 0: the kernel fills it).</summary>
public sealed partial class Icmpv6Socket
{
    /// <summary>Sends <paramref name="icmpMessage"/> to <paramref name="destination"/>; the kernel picks the source.</summary>
    public unsafe void Send(ReadOnlySpan<byte> icmpMessage, IPAddress destination)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var to = AddressFor(destination);
        fixed (byte* data = icmpMessage)
        {
            nint sent;
            do
            {
                sent = Libc.SendTo(_fd, data, (nuint)icmpMessage.Length, 0, &to, (uint)sizeof(SockAddrIn6));
            }
            while (sent < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR);

            ThrowIfFailed(sent, "sendto(ICMPv6)");
        }
    }

    /// <summary>
    /// Sends from a chosen <paramref name="source"/> (an address assigned to this interface, usually
    /// link-local) through an IPV6_PKTINFO control message (RFC 3542 §6.1): lets one router send each
    /// prefix's RA from a different link-local address (RFC 8028, draft-link-6man-gulla).
    /// </summary>
    public unsafe void Send(ReadOnlySpan<byte> icmpMessage, IPAddress destination, IPAddress source)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        RequireIpv6(source, nameof(source));
        var to = AddressFor(destination);
        Span<byte> sourceBytes = stackalloc byte[16];
        source.TryWriteBytes(sourceBytes, out _);
        var control = stackalloc byte[ControlBufferSize];
        var controlLength = ControlMessages.WritePacketInfo(new Span<byte>(control, ControlBufferSize), sourceBytes, InterfaceIndex);
        fixed (byte* data = icmpMessage)
        {
            var iov = new IoVec { Base = data, Length = (nuint)icmpMessage.Length };
            var message = new MsgHdr
            {
                Name = &to,
                NameLength = (uint)sizeof(SockAddrIn6),
                Iov = &iov,
                IovLength = 1,
                Control = control,
                ControlLength = (nuint)controlLength,
            };
            SendMessage(&message);
        }
    }

    private unsafe void SendMessage(MsgHdr* message)
    {
        nint sent;
        do
        {
            sent = Libc.SendMsg(_fd, message, 0);
        }
        while (sent < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR);

        ThrowIfFailed(sent, "sendmsg(ICMPv6)");
    }

    /// <summary>
    /// sockaddr_in6 for <paramref name="destination"/>. Link-scoped destinations (fe80::/10, ff02::/16 and
    /// other scope ≤ 2 multicast) need sin6_scope_id = our ifindex (ipv6(7), RFC 4007 §6).
    /// </summary>
    private unsafe SockAddrIn6 AddressFor(IPAddress destination)
    {
        RequireIpv6(destination, nameof(destination));
        var address = new SockAddrIn6 { Family = SocketConstants.AF_INET6 };
        destination.TryWriteBytes(new Span<byte>(address.Address, 16), out _);
        address.ScopeId = IsLinkScoped(destination) ? (uint)InterfaceIndex : (uint)destination.ScopeId;
        return address;
    }

    private static bool IsLinkScoped(IPAddress address)
    {
        if (address.IsIPv6LinkLocal)
        {
            return true;
        }

        // RFC 4291 §2.7: the low nibble of the second byte is the multicast scope; 1 = interface, 2 = link.
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return address.IsIPv6Multicast && (bytes[1] & 0x0f) <= 2;
    }

    private static void RequireIpv6(IPAddress address, string parameterName)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException($"{address} is not an IPv6 address", parameterName);
        }
    }

    private void ThrowIfFailed(nint sent, string operation)
    {
        if (sent < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            throw new NativeErrorException(operation, errno);
        }
    }
}
