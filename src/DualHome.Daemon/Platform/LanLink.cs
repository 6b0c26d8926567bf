using System.Net.NetworkInformation;
using DualHome.Linux;

namespace DualHome.Daemon.Platform;

public sealed record LanLinkFacts(PhysicalAddress LinkAddress, int Mtu);

/// <summary>What the RA says about the LAN interface itself: its MAC (SLLA option) and MTU.</summary>
public static class LanLink
{
    public static LanLinkFacts Describe(string interfaceName)
    {
        var link = LinkInfo.Get(interfaceName);
        return new LanLinkFacts(link.MacAddress, link.Mtu);
    }
}
