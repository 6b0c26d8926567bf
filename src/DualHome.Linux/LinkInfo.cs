using System.Net;
using System.Net.NetworkInformation;
using DualHome.Linux.Netlink;

namespace DualHome.Linux;

/// <summary>
/// An interface as rtnetlink reports it. Read through netlink rather than System.Net.NetworkInformation
/// because netlink answers for the calling thread's network namespace (see <see cref="NetNamespace"/>),
/// while /sys/class/net, which NetworkInformation reads for MTU and state, shows the mount's namespace.
/// </summary>
/// <param name="Flags">ifi_flags (IFF_* in linux/if.h).</param>
public sealed record LinkInfo(
    string Name,
    int Index,
    PhysicalAddress MacAddress,
    int Mtu,
    LinkOperState OperState,
    uint Flags)
{
    private const uint IFF_UP = 0x1;
    private const uint IFF_LOWER_UP = 0x10000;

    /// <summary>Usable (past DAD) IPv6 link-local addresses, scope id = <see cref="Index"/>.</summary>
    public IReadOnlyList<IPAddress> LinkLocalAddresses { get; init; } = [];

    /// <summary>Administratively up (IFF_UP).</summary>
    public bool IsUp => (Flags & IFF_UP) != 0;

    /// <summary>The driver signals carrier (IFF_LOWER_UP): a cable/peer is there.</summary>
    public bool HasCarrier => (Flags & IFF_LOWER_UP) != 0;

    /// <summary>Reads <paramref name="interfaceName"/> in the calling thread's namespace; ENODEV if absent.</summary>
    public static LinkInfo Get(string interfaceName)
    {
        using var netlink = Rtnetlink.Open();
        return netlink.GetLinkInfo(interfaceName);
    }
}
