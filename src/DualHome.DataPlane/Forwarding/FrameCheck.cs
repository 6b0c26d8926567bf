using DualHome.DataPlane.Counters;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Ipv6;

namespace DualHome.DataPlane.Forwarding;

/// <summary>Turns the Wire readers' verdicts into drop reasons.</summary>
internal static class FrameCheck
{
    public static DropReason ReadEthernet(ReadOnlySpan<byte> frame, out EthernetFrame ethernet) =>
        EthernetFrame.TryRead(frame, out ethernet) switch
        {
            EthernetReadResult.Ok => DropReason.None,
            EthernetReadResult.VlanTagged => DropReason.VlanTagged,
            _ => DropReason.TooShortForEthernet,
        };

    /// <summary>RFC 2464 §3: IPv6 rides EtherType 0x86dd, padded only up to the minimum frame.</summary>
    public static DropReason ReadIpv6(EthernetFrame ethernet, out Ipv6Header ip)
    {
        ip = default;
        if (ethernet.EtherType != EtherTypes.Ipv6)
            return DropReason.NotIpv6;
        return Ipv6Header.TryRead(ethernet.Payload, ethernet.MayBePadded, out ip) switch
        {
            Ipv6ReadResult.Ok => DropReason.None,
            Ipv6ReadResult.TooShort => DropReason.TooShortForIpv6,
            Ipv6ReadResult.BadVersion => DropReason.BadVersion,
            Ipv6ReadResult.PayloadLengthTooLong => DropReason.PayloadLengthTooLong,
            _ => DropReason.PayloadLengthTooShort,
        };
    }
}
