using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Prefixes;
using DualHome.Wire.Ipv6;

namespace DualHome.DataPlane.Forwarding;

/// <summary>Addresses no router forwards, and the traffic that belongs to the kernel rather than the forwarder.</summary>
internal static class LocalTraffic
{
    /// <summary>RFC 4861 §4.1–§4.5: Router Solicitation … Redirect.</summary>
    private const byte FirstNdType = 133, LastNdType = 137;

    /// <summary>A source or destination that must never be forwarded, or <see cref="DropReason.None"/>.</summary>
    public static DropReason CheckMartian(Ipv6Header ip)
    {
        ReadOnlySpan<byte> source = ip.Source;
        if (Ipv6Bytes.IsUnspecified(source))
            return DropReason.Martian; // RFC 4291 §2.5.2: "must never be forwarded by an IPv6 router"
        if (Ipv6Bytes.IsMulticast(source))
            return DropReason.Martian; // RFC 4291 §2.7: "must not be used as source addresses"
        if (Ipv6Bytes.IsLoopback(source) || Ipv6Bytes.IsLoopback(ip.Destination))
            return DropReason.Martian; // RFC 4291 §2.5.3: loopback "must never be forwarded by an IPv6 router"
        return DropReason.None;
    }

    /// <summary>Link-local traffic, the router's own addresses, and Neighbor Discovery: the kernel's.</summary>
    public static bool IsForKernel(Ipv6Header ip, HashSet<UInt128> ownAddresses)
    {
        if (Ipv6Bytes.IsLinkLocalUnicast(ip.Source) || Ipv6Bytes.IsLinkLocalUnicast(ip.Destination))
            return true; // RFC 4291 §2.5.6: routers must not forward link-local source or destination to other links
        if (Ipv6Key.TryRead(ip.Destination, out UInt128 destination) && ownAddresses.Contains(destination))
            return true;
        return IsNeighborDiscovery(ip);
    }

    /// <summary>RFC 4861 ND messages are link-scoped (hop limit 255, §6.1, §7.1): never forwarded.</summary>
    private static bool IsNeighborDiscovery(Ipv6Header ip)
    {
        if (ExtensionHeaders.FindUpperLayer(ip, out byte protocol, out int offset) != UpperLayerResult.Found)
            return false;
        if (protocol != IpProtocols.Icmpv6 || offset >= ip.Packet.Length)
            return false;
        byte type = ip.Packet[offset];
        return type is >= FirstNdType and <= LastNdType;
    }
}
