using System.Net;
using System.Net.NetworkInformation;
using DualHome.Wire.Icmpv6;
using DualHome.Wire.Nd;

namespace DualHome.Wire.Tests.Support;

/// <summary>Addresses from the documentation ranges (RFC 3849, RFC 7042) and small helpers shared by the tests.</summary>
public static class Nd
{
    public static readonly IPAddress RouterLinkLocal = IPAddress.Parse("fe80::200:5eff:fe00:5301");
    public static readonly IPAddress HostLinkLocal = IPAddress.Parse("fe80::200:5eff:fe00:5302");
    public static readonly IPAddress HostGlobal = IPAddress.Parse("2001:db8:a:1::1234");
    public static readonly IPAddress AllNodes = IPAddress.Parse("ff02::1");
    public static readonly IPAddress AllRouters = IPAddress.Parse("ff02::2");
    public static readonly IPAddress RouterSolicitedNode = IPAddress.Parse("ff02::1:ff00:5301");
    public static readonly PhysicalAddress RouterMac = PhysicalAddress.Parse("00-00-5E-00-53-01");
    public static readonly PhysicalAddress HostMac = PhysicalAddress.Parse("00-00-5E-00-53-02");

    public static IPAddress Ip(string text) => IPAddress.Parse(text);

    public static IPNetwork Net(string text) => IPNetwork.Parse(text);

    /// <summary>A context as a packet socket gives it: checksum to be verified.</summary>
    public static NdPacketContext Frame(IPAddress source, IPAddress destination, byte hopLimit = 255) =>
        new(hopLimit, source, destination, verifyChecksum: true);

    /// <summary>A context as a raw ICMPv6 socket gives it: the kernel checked the checksum.</summary>
    public static NdPacketContext Raw(IPAddress source, IPAddress destination, byte hopLimit = 255) =>
        NdPacketContext.FromRawSocket(hopLimit, source, destination);

    /// <summary>A copy of <paramref name="icmp"/> with its checksum filled for the addresses.</summary>
    public static byte[] WithChecksum(byte[] icmp, IPAddress source, IPAddress destination)
    {
        byte[] copy = (byte[])icmp.Clone();
        Icmpv6Checksum.Fill(copy, source, destination);
        return copy;
    }
}
