using System.Net;
using System.Net.Sockets;
using DualHome.ControlPlane.Dhcpv6;
using DualHome.Linux;

namespace DualHome.Daemon.Platform;

/// <summary>
/// DHCPv6 client messages on one uplink (RFC 8415 §7.1, §18): sent from the interface's link-local address, port
/// 546, to All_DHCP_Relay_Agents_and_Servers (ff02::1:2) port 547 on that link; servers answer by unicast to the
/// same address and port, which this socket is bound to.
/// </summary>
public sealed class Dhcpv6Socket : IDhcpv6Transport, IDisposable
{
    private static readonly IPAddress AllServers = IPAddress.Parse("ff02::1:2");
    private readonly Socket _socket;
    private readonly IPEndPoint _servers;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private bool _disposed;

    private Dhcpv6Socket(Socket socket, IPEndPoint servers) => (_socket, _servers) = (socket, servers);

    public static Dhcpv6Socket Open(string interfaceName)
    {
        var link = LinkInfo.Get(interfaceName);
        var local = link.LinkLocalAddresses.FirstOrDefault()
            ?? throw new IOException($"{interfaceName} has no usable link-local address (link down, or DAD not done)");
        var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(local, 546));
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastInterface, link.Index);
            var servers = new IPAddress(AllServers.GetAddressBytes(), link.Index);
            return new Dhcpv6Socket(socket, new IPEndPoint(servers, 547));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Send(ReadOnlySpan<byte> message) => _socket.SendTo(message, SocketFlags.None, _servers);

    /// <summary>Feeds every datagram to <paramref name="client"/> on a thread of its own (never from inside Send).</summary>
    public ReceiveThread StartReceiving(Dhcpv6Client client) => ReceiveThread.Start("dhcpv6", _ =>
    {
        EndPoint from = new IPEndPoint(IPAddress.IPv6Any, 0);
        int length;
        try { length = _socket.ReceiveFrom(_buffer, ref from); }
        catch (SocketException) when (Volatile.Read(ref _disposed)) { return false; } // closed to stop the thread
        catch (SocketException e) { throw new IOException(e.Message, e); }            // transient: the thread pauses
        client.OnReceived(_buffer.AsSpan(0, length));
        return true;
    }, Dispose);

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _socket.Dispose();
    }
}
