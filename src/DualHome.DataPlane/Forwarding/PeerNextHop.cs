using System.Net;
using DualHome.Wire.Ethernet;

namespace DualHome.DataPlane.Forwarding;

/// <summary>A peer exit router's prefix (issue 10): a LAN packet from it goes back out on the LAN to the peer's
/// <paramref name="Mac"/>; with <paramref name="Mac"/> null the peer is dead and the packet is answered with code 5.</summary>
public readonly record struct PeerNextHop(IPNetwork Prefix, Mac? Mac);
