using System.Net;
using DualHome.ControlPlane.Uplinks;
using DualHome.Linux.Icmpv6;
using DualHome.Wire.Icmpv6;

namespace DualHome.Daemon.Platform;

/// <summary>Echo probes of one uplink: a raw ICMPv6 socket bound to the uplink's interface, each request sourced
/// from the uplink's own LAN-prefix address so it takes the hosts' path and meets the ISP's ingress filter
/// exactly as their traffic does (a probe from the WAN link address would pass where hosts fail).</summary>
public sealed class ProbeSocket : IProbeTransport, IDisposable
{
    private static readonly byte[] Accepted = [Icmpv6Echo.ReplyType];
    private static readonly byte[] Payload = "dualhome-probe"u8.ToArray();
    private readonly Icmpv6Socket _socket;
    private readonly IPAddress _source;
    private readonly byte[] _buffer = new byte[Icmpv6Echo.HeaderLength + 14];
    private readonly Lock _sendGate = new();

    private ProbeSocket(Icmpv6Socket socket, IPAddress source) => (_socket, _source) = (socket, source);

    public static ProbeSocket Open(string interfaceName, IPAddress source) =>
        new(Icmpv6Socket.Open(interfaceName, Accepted), source);

    public void SendEcho(IPAddress target, ushort identifier, ushort sequence)
    {
        lock (_sendGate)
        {
            int n = Icmpv6Echo.WriteRequest(_buffer, identifier, sequence, Payload);
            _socket.Send(_buffer.AsSpan(0, n), target, _source);
        }
    }

    /// <summary>Feeds replies to the monitor until the returned handle is disposed; <paramref name="accepted"/> hears the
    /// sequence of each reply the monitor accepted (host mode times them).</summary>
    public IDisposable StartReceiving(UplinkMonitor monitor, Action<ushort>? accepted = null)
    {
        var buffer = new byte[256];
        return ReceiveThread.Start($"probe-{monitor.Name}", _ => ReceiveOnce(monitor, buffer, accepted), _socket.Dispose);
    }

    public void Dispose() => _socket.Dispose();

    private bool ReceiveOnce(UplinkMonitor monitor, byte[] buffer, Action<ushort>? accepted)
    {
        if (!_socket.TryReceive(buffer, out var meta, out int length) || meta.Truncated)
            return true;
        if (Icmpv6Echo.TryReadReply(buffer.AsSpan(0, length), out var id, out var seq)
            && monitor.OnEchoReply(new IPAddress(meta.Source.GetAddressBytes()), id, seq) == EchoReplyResult.Accepted)
            accepted?.Invoke(seq);
        return true;
    }
}
