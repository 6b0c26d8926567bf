using System.Net;
using DualHome.Linux;
using DualHome.Linux.Netlink;
using DualHome.Wire.Ethernet;

namespace DualHome.Daemon.PacketMode;

/// <summary>What the forwarder needs to know about an owned interface, read once at start.</summary>
public sealed record PortFacts(string Name, int Index, Mac Mac, int Mtu, IReadOnlyList<IPAddress> Addresses)
{
    public static PortFacts Read(Rtnetlink netlink, string name)
    {
        var link = netlink.GetLink(name);
        var bytes = link.MacAddress.GetAddressBytes();
        if (bytes.Length != Mac.Length)
            throw new IOException($"{name} has no Ethernet address: packet mode forwards Ethernet ports only");
        var addresses = netlink.GetAddresses(link.Index).Select(a => a.Address).ToList();
        return new PortFacts(name, link.Index, Mac.Read(bytes), link.Mtu, addresses);
    }
}
