using System.Net;

namespace DualHome.ControlPlane.Uplinks;

/// <summary>Sends the monitor's ICMPv6 echo requests (RFC 4443 §4.1). In production a raw ICMPv6 socket bound to
/// the uplink's interface and sourced from the uplink's LAN-prefix address, so a probe takes the hosts' path and
/// meets the ISP's ingress filter as their packets do; replies go to <see cref="UplinkMonitor.OnEchoReply"/>.
/// In tests an in-memory fake ISP.</summary>
public interface IProbeTransport
{
    /// <summary>Sends one echo request. May throw <see cref="IOException"/> or
    /// <see cref="System.Net.Sockets.SocketException"/> (e.g. the link is down): counted, never fatal. Must not
    /// call back into the monitor synchronously.</summary>
    void SendEcho(IPAddress target, ushort identifier, ushort sequence);
}
