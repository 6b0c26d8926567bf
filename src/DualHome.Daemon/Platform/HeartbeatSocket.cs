using System.Net;
using System.Net.Sockets;
using DualHome.Linux;

namespace DualHome.Daemon.Platform;

/// <summary>
/// The peer heartbeat's UDP socket on the LAN (issue 10): sends to the all-routers group ff02::2 (RFC 4291 §2.7.1)
/// with hop limit 255 and no loopback, and takes only datagrams that arrived on the LAN from a link-local source,
/// which no router forwards (RFC 4291 §2.5.6), so a heartbeat can only come from a router on this link.
/// </summary>
public sealed class HeartbeatSocket : IDisposable
{
    private static readonly IPAddress AllRouters = IPAddress.Parse("ff02::2");
    private readonly Socket _socket;
    private readonly IPEndPoint _group;
    private readonly int _index;
    private bool _disposed;

    private HeartbeatSocket(Socket socket, IPEndPoint group, int index) => (_socket, _group, _index) = (socket, group, index);

    public static HeartbeatSocket Open(string interfaceName, int port)
    {
        var link = LinkInfo.Get(interfaceName);
        var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(AllRouters, link.Index));
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastInterface, link.Index);
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastTimeToLive, 255);
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastLoopback, false);
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.PacketInformation, true);
            return new HeartbeatSocket(socket, new IPEndPoint(new IPAddress(AllRouters.GetAddressBytes(), link.Index), port), link.Index);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Best effort: a failed send (the LAN link is down) is the same to the peers as a lost one.</summary>
    public bool TrySend(ReadOnlySpan<byte> datagram)
    {
        try { _socket.SendTo(datagram, SocketFlags.None, _group); return true; }
        catch (SocketException) { return false; }
        catch (ObjectDisposedException) { return false; }
    }

    /// <summary>Feeds each datagram from a link-local source on the LAN to <paramref name="received"/>, on a thread of
    /// its own; anything else is counted in <see cref="Refused"/>.</summary>
    public ReceiveThread StartReceiving(Action<IPAddress, ReadOnlySpan<byte>> received)
    {
        var buffer = new byte[2048];
        return ReceiveThread.Start("peer-heartbeat", _ =>
        {
            EndPoint from = new IPEndPoint(IPAddress.IPv6Any, 0);
            SocketFlags flags = SocketFlags.None;
            int length;
            IPPacketInformation info;
            try { length = _socket.ReceiveMessageFrom(buffer, ref flags, ref from, out info); }
            catch (SocketException) when (Volatile.Read(ref _disposed)) { return false; }
            catch (SocketException e) { throw new IOException(e.Message, e); }
            var source = ((IPEndPoint)from).Address;
            if (info.Interface != _index || !source.IsIPv6LinkLocal || (flags & SocketFlags.Truncated) != 0) { Interlocked.Increment(ref _refused); return true; }
            received(new IPAddress(source.GetAddressBytes()), buffer.AsSpan(0, length));
            return true;
        }, Dispose);
    }

    private long _refused;

    /// <summary>Datagrams not from a link-local address on the LAN, or longer than any heartbeat.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _socket.Dispose();
    }
}
