using System.Net;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>Interface and address queries (RTM_GETLINK, RTM_GETADDR).</summary>
public sealed partial class Rtnetlink
{
    /// <summary>The interface's index, MAC, MTU, state and flags (<c>ip link show NAME</c>); ENODEV if absent.</summary>
    public LinkInfo GetLink(string interfaceName)
    {
        LinkInfo? link = null;
        Query($"RTM_GETLINK({interfaceName})", seq => NetlinkMessages.BuildGetLink(interfaceName, seq),
            (in NetlinkMessage reply) => link = reply.Type == RTM_NEWLINK ? LinkParser.Parse(reply.Payload) : link);
        return link ?? throw new NativeErrorException($"RTM_GETLINK({interfaceName})", Errno.ENODEV);
    }

    /// <summary>The interface's IPv6 addresses with their flags and lifetimes (<c>ip -6 addr show dev IF</c>).</summary>
    public IReadOnlyList<InterfaceAddress> GetAddresses(int interfaceIndex) =>
        [.. GetAllAddresses().Where(a => a.InterfaceIndex == interfaceIndex)]; // the kernel dumps them all either way

    /// <summary>Every IPv6 address of every interface in the namespace (<c>ip -6 addr show</c>).</summary>
    public IReadOnlyList<InterfaceAddress> GetAllAddresses()
    {
        var addresses = new List<InterfaceAddress>();
        Query("RTM_GETADDR", NetlinkMessages.BuildGetAddresses, (in NetlinkMessage reply) =>
        {
            if (reply.Type == RTM_NEWADDR && AddressParser.TryParse(reply.Payload, out var address))
                addresses.Add(address!);
        });
        return addresses;
    }

    /// <summary><see cref="GetLink"/> plus the usable link-local addresses from <see cref="GetAddresses"/>.</summary>
    public LinkInfo GetLinkInfo(string interfaceName)
    {
        var link = GetLink(interfaceName);
        var linkLocal = GetAddresses(link.Index)
            .Where(a => a.Address.IsIPv6LinkLocal && a.IsUsable)
            .Select(a => a.Address)
            .ToList();
        return link with { LinkLocalAddresses = linkLocal };
    }
}
