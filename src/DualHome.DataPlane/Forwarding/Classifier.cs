using DualHome.DataPlane.Counters;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Ipv6;

namespace DualHome.DataPlane.Forwarding;

/// <summary>
/// The forwarding decision for one frame, as a pure function of the frame, the ingress port and a configuration
/// snapshot. Checks run in the order a router meets them: frame, link-layer destination, IPv6 header, local
/// traffic, then routing (<see cref="Routes"/>). Never throws for frame content; allocates nothing.
/// </summary>
internal static class Classifier
{
    public static ForwardDecision Classify(ForwarderConfig config, ReadOnlySpan<byte> frame, Port ingress, int largestSegment)
    {
        PortConfig? port = config.PortOf(ingress);
        if (port is null)
            return ForwardDecision.Drop(DropReason.None); // a port this snapshot does not have: nothing to count
        DropReason reason = FrameCheck.ReadEthernet(frame, out EthernetFrame ethernet);
        if (reason != DropReason.None)
            return ForwardDecision.Drop(reason);
        if (ethernet.Destination.IsMulticast)
            return ForwardDecision.ToKernel; // link-layer multicast and broadcast: ND, MLD, ARP… (RFC 2464 §7)
        if (ethernet.Destination != port.Mac)
            return ForwardDecision.Drop(DropReason.OtherHost);
        reason = FrameCheck.ReadIpv6(ethernet, out Ipv6Header ip);
        if (reason == DropReason.NotIpv6)
            return ForwardDecision.ToKernel; // IPv4, ARP…: the kernel's own copy (the sockets take every EtherType)
        if (reason != DropReason.None)
            return ForwardDecision.Drop(reason);
        return ClassifyPacket(config, ip, ingress, WireLength(ip, largestSegment), ethernet.Source);
    }

    private static ForwardDecision ClassifyPacket(ForwarderConfig config, Ipv6Header ip, Port ingress, int ipLength, Mac from)
    {
        if (Ipv6Bytes.IsMulticast(ip.Destination))
            return ForwardDecision.ToKernel; // RFC 4291 §2.7: the forwarder routes no multicast
        DropReason martian = LocalTraffic.CheckMartian(ip);
        if (martian != DropReason.None)
            return ForwardDecision.Drop(martian);
        if (LocalTraffic.IsForKernel(ip, config.OwnAddresses))
            return ForwardDecision.ToKernel;
        return ingress.IsLan
            ? Routes.FromLan(config, ip, ipLength, from)
            : Routes.FromUplink(config, ip, ipLength);
    }

    /// <summary>The IPv6 length the egress MTU is checked against: the packet's own, or, for a GSO super-frame that
    /// the kernel will cut into segments, the largest segment's (its Ethernet frame length, from the vnet header).</summary>
    private static int WireLength(Ipv6Header ip, int largestSegment) =>
        largestSegment > EthernetFrame.HeaderLength ? largestSegment - EthernetFrame.HeaderLength : ip.Packet.Length;
}
