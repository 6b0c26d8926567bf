using DualHome.Wire.Ethernet;
using DualHome.Wire.Ipv6;

namespace DualHome.DataPlane.Forwarding;

/// <summary>The only change forwarding makes to a frame: new Ethernet addresses and hop limit − 1 (RFC 8200 §3;
/// IPv6 has no header checksum, and the upper-layer checksums do not cover the hop limit).</summary>
public static class FrameRewriter
{
    /// <summary>False, and the frame untouched, when it has no IPv6 header or its hop limit is already 0.</summary>
    public static bool TryRewrite(Span<byte> frame, Mac destination, Mac source)
    {
        if (frame.Length < EthernetFrame.HeaderLength + Ipv6Header.Length)
            return false;
        if (!Ipv6Header.TryDecrementHopLimit(frame[EthernetFrame.HeaderLength..]))
            return false;
        EthernetFrame.TryWriteAddresses(frame, destination, source);
        return true;
    }
}
