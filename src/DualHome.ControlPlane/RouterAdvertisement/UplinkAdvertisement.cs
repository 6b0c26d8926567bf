using System.Net;

namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>What the RA says about one uplink: its LAN prefix, whether hosts should prefer it (its ISP works),
/// and the ISP's own resolvers (advertised only while preferred). A delegated prefix carries what is left of its
/// delegation (<see cref="PreferredLeft"/>, <see cref="ValidLeft"/>, seconds): the PIO never promises more
/// (RFC 9096 §3.3).</summary>
public sealed record UplinkAdvertisement(string Name, IPNetwork Prefix, bool Preferred, IReadOnlyList<IPAddress> Dns,
    uint PreferredLeft = uint.MaxValue, uint ValidLeft = uint.MaxValue);
