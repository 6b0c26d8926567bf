namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>
/// Sends the client's messages. In production a UDP socket bound to [link-local]:546 on the uplink's interface,
/// sending to All_DHCP_Relay_Agents_and_Servers (ff02::1:2) port 547 (RFC 8415 §7.1, §7.2) with hop limit 1;
/// whatever it reads on port 546 goes to <see cref="Dhcpv6Client.OnReceived"/>. In tests an in-memory fake server.
/// </summary>
public interface IDhcpv6Transport
{
    /// <summary>Sends one message (the UDP payload). May throw <see cref="IOException"/> or
    /// <see cref="System.Net.Sockets.SocketException"/> (e.g. the link is down): counted, retried by the normal
    /// retransmission. Must not call back into the client synchronously.</summary>
    void Send(ReadOnlySpan<byte> message);
}
