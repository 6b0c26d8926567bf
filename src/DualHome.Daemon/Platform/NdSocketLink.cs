using System.Net;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.Linux.Icmpv6;

namespace DualHome.Daemon.Platform;

/// <summary>A raw ICMPv6 socket as an <see cref="INdLink"/>, with a receive thread feeding an <see cref="INdReceiver"/>:
/// the LAN's RA engine (RS and RA), or an uplink's gateway learner (RA only).</summary>
public sealed class NdSocketLink : INdLink, IDisposable
{
    // RS and RA only: the kernel answers NS itself, and the engine listens for other routers' RAs.
    private static readonly byte[] Accepted = [133, 134];
    private readonly Icmpv6Socket _socket;

    private NdSocketLink(Icmpv6Socket socket) => _socket = socket;

    public static NdSocketLink Open(string interfaceName) => Open(interfaceName, Accepted);

    /// <summary>A socket taking only the ICMPv6 types in <paramref name="accepted"/>.</summary>
    public static NdSocketLink Open(string interfaceName, ReadOnlySpan<byte> accepted) => new(Icmpv6Socket.Open(interfaceName, accepted));

    public void Send(ReadOnlySpan<byte> icmpMessage, IPAddress destination) => _socket.Send(icmpMessage, destination);

    /// <summary>Reads until the returned handle is disposed; each message goes to the engine, which never throws.</summary>
    public IDisposable StartReceiving(INdReceiver engine)
    {
        var buffer = new byte[1500];
        return ReceiveThread.Start("nd-receive", _ => ReceiveOnce(engine, buffer), _socket.Dispose);
    }

    public void Dispose() => _socket.Dispose();

    private bool ReceiveOnce(INdReceiver engine, byte[] buffer)
    {
        if (!_socket.TryReceive(buffer, out var meta, out int length) || meta.Truncated)
            return true; // a timeout lets the loop see the stop request
        var context = new NdReceiveContext(meta.Source, meta.Destination, (byte)Math.Clamp(meta.HopLimit, 0, 255));
        engine.OnReceived(buffer.AsSpan(0, length), context);
        return true;
    }
}
