using System.Net;

namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>What the RA says about one uplink: its LAN prefix, whether hosts should prefer it (its ISP works),
/// and the ISP's own resolvers (advertised only while preferred).</summary>
public sealed record UplinkAdvertisement(string Name, IPNetwork Prefix, bool Preferred, IReadOnlyList<IPAddress> Dns);
