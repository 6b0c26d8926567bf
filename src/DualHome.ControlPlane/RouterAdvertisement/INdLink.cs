using System.Net;

namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>The LAN as the RA engine sees it: send an ICMPv6 message (the link fills in the checksum and the
/// link-local source, hop limit 255). In production a raw ICMPv6 socket; in tests a recording fake.</summary>
public interface INdLink
{
    void Send(ReadOnlySpan<byte> icmpMessage, IPAddress destination);
}
