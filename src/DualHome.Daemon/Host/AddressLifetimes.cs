using System.Net;
using DualHome.ControlPlane.Host;
using DualHome.Linux;
using DualHome.Linux.Netlink;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Host;

/// <summary>
/// Local deprecation (issue 11): the address of an exit that is dead or clearly worse gets preferred lifetime 0 with
/// its valid lifetime unchanged, so new connections use another address (RFC 6724 rule 3) and open ones keep theirs
/// (RFC 4862 §5.5.4) — the same thing a router's RA does, but as soon as the host's own probes see it. A router's next
/// RA gives the lifetime back (§5.5.3 e); the agent deprecates again at once while the exit stays avoided. When it is
/// used again, the preferred lifetime the routers last advertised comes back.
/// </summary>
public sealed class AddressLifetimes(Rtnetlink netlink, int interfaceIndex, HostRouterTable routers, ILogger log)
{
    /// <summary>The addresses host mode deprecated, with their prefixes.</summary>
    private readonly Dictionary<IPAddress, IPNetwork> _deprecated = [];

    public void Apply(InterfaceAddress address, IPNetwork prefix, ExitUse use)
    {
        if (use != ExitUse.Use)
        {
            if (address.PreferredLifetime == 0) return;
            if (Change(address, 0, $"deprecated ({use.ToString().ToLowerInvariant()} exit)")) _deprecated[address.Address] = prefix;
        }
        else if (_deprecated.ContainsKey(address.Address))
        {
            uint preferred = Math.Min(routers.PreferredLeft(prefix), address.ValidLifetime);
            if (preferred > 0 && Change(address, preferred, $"preferred again for {preferred} s")) _deprecated.Remove(address.Address);
        }
    }

    /// <summary>At exit: the addresses host mode deprecated get the routers' preferred lifetime back.</summary>
    public void Restore(IReadOnlyList<InterfaceAddress> addresses)
    {
        foreach (var a in addresses.Where(a => _deprecated.ContainsKey(a.Address)))
        {
            uint preferred = Math.Min(routers.PreferredLeft(_deprecated[a.Address]), a.ValidLifetime);
            if (preferred > 0) Change(a, preferred, "preferred again (host mode stops)");
        }
        _deprecated.Clear();
    }

    private bool Change(InterfaceAddress a, uint preferred, string what)
    {
        try
        {
            netlink.ChangeAddressLifetimes(interfaceIndex, a.Address, a.PrefixLength, preferred, a.ValidLifetime);
            HostLog.Address(log, a.Address.ToString(), what);
            return true;
        }
        catch (NativeErrorException e)
        {
            HostLog.Failed(log, $"change the lifetimes of {a.Address}", e.Message);
            return false;
        }
    }
}
