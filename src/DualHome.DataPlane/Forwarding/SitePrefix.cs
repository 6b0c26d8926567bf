using System.Net;

namespace DualHome.DataPlane.Forwarding;

/// <summary>A prefix delegated by an ISP and the uplink that ISP is reached through: a source in
/// <paramref name="Prefix"/> leaves through <paramref name="Uplink"/> (source-address-dependent routing).</summary>
public readonly record struct SitePrefix(IPNetwork Prefix, int Uplink);
