using System.Net;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Ipv6;

namespace DualHome.DataPlane.Tests.Support;

/// <summary>Builds test frames with the Wire writers (themselves golden-tested against scapy).</summary>
public static class Frames
{
    /// <summary>Ethernet + IPv6 + a UDP-like payload of <paramref name="payloadLength"/> bytes (0x00, 0x01, …).</summary>
    public static byte[] Ipv6(
        string source, string destination, byte hopLimit = 64, int payloadLength = 16,
        string dstMac = Site.RouterMac, string srcMac = Site.HostMac, byte nextHeader = IpProtocols.Udp)
    {
        byte[] frame = new byte[EthernetFrame.HeaderLength + Ipv6Header.Length + payloadLength];
        EthernetFrame.TryWriteHeader(frame, Mac.Parse(dstMac), Mac.Parse(srcMac), EtherTypes.Ipv6);
        Ipv6HeaderWriter.TryWrite(frame.AsSpan(EthernetFrame.HeaderLength), payloadLength, nextHeader, hopLimit,
            IPAddress.Parse(source).GetAddressBytes(), IPAddress.Parse(destination).GetAddressBytes());
        for (int i = 0; i < payloadLength; i++)
            frame[EthernetFrame.HeaderLength + Ipv6Header.Length + i] = (byte)i;
        return frame;
    }

    /// <summary>An ICMPv6 message of the given type (code 0, zero body) from <paramref name="source"/>.</summary>
    public static byte[] Icmpv6(string source, string destination, byte type, byte hopLimit = 64, string dstMac = Site.RouterMac)
    {
        byte[] frame = Ipv6(source, destination, hopLimit, 8, dstMac, nextHeader: IpProtocols.Icmpv6);
        frame.AsSpan(54).Clear();
        frame[54] = type;
        return frame;
    }

    /// <summary>From an uplink: the ISP gateway's MAC to the uplink port's.</summary>
    public static byte[] FromIspA(string source, string destination, byte hopLimit = 64, int payloadLength = 16) =>
        Ipv6(source, destination, hopLimit, payloadLength, Site.WanAMac, Site.GatewayAMac);
}
