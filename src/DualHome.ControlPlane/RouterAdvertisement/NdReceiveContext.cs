using System.Net;

namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>What the socket tells about a received ICMPv6 message (from IPV6_PKTINFO and IPV6_HOPLIMIT).</summary>
public readonly record struct NdReceiveContext(IPAddress Source, IPAddress Destination, byte HopLimit);
