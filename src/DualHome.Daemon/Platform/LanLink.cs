using System.Net.NetworkInformation;
using DualHome.Linux;

namespace DualHome.Daemon.Platform;

public sealed record LanLinkFacts(PhysicalAddress LinkAddress, int Mtu, bool HasLinkLocal);

/// <summary>What the RA says about the LAN interface itself: its MAC (SLLA option) and MTU.</summary>
public static class LanLink
{
    /// <summary>RAs must come from a link-local address (RFC 4861 §4.2), which the kernel assigns only after the
    /// link is up and DAD is done: wait for it a little, so the first RA is not lost to EADDRNOTAVAIL.</summary>
    public static LanLinkFacts Describe(string interfaceName, TimeSpan waitForLinkLocal)
    {
        var deadline = DateTime.UtcNow + waitForLinkLocal;
        var link = Get(interfaceName);
        while (link.LinkLocalAddresses.Count == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
            link = Get(interfaceName);
        }
        return new LanLinkFacts(link.MacAddress, link.Mtu, link.LinkLocalAddresses.Count > 0);
    }

    private static LinkInfo Get(string interfaceName)
    {
        try { return LinkInfo.Get(interfaceName); }
        catch (NativeErrorException e) when (e.Errno == Errno.ENODEV)
        {
            throw new InvalidOperationException($"Lan.Interface: there is no interface named '{interfaceName}'", e);
        }
    }
}
