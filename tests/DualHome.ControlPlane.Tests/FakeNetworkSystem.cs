using System.Net;
using DualHome.ControlPlane.Routing;

namespace DualHome.ControlPlane.Tests;

/// <summary>An in-memory kernel: sysctls, addresses and source routes, with a log of every call.</summary>
internal sealed class FakeNetworkSystem : INetworkSystem
{
    public Dictionary<string, string> Sysctls { get; } = new()
    {
        ["net/ipv6/conf/lan0/accept_ra"] = "1",
        ["net/ipv6/conf/all/forwarding"] = "0",
    };
    public HashSet<string> Addresses { get; } = [];
    public HashSet<string> Routes { get; } = [];
    public HashSet<string> MissingInterfaces { get; } = [];
    public List<IngressRule> Rules { get; } = [];

    public void AddIngressRule(IngressRule rule) { Calls.Add(rule.ToString()); Rules.Add(rule); }
    public void DeleteIngressRule(IngressRule rule) { Calls.Add($"del {rule}"); Rules.Remove(rule); }
    public List<string> Calls { get; } = [];

    public string ReadSysctl(string path) => Sysctls.GetValueOrDefault(path, "0");
    public void WriteSysctl(string path, string value) { Calls.Add($"sysctl {path}={value}"); Sysctls[path] = value; }

    public void AddAddress(string i, IPAddress a, int len) { Require(i); Calls.Add($"addr add {a}/{len} dev {i}"); Addresses.Add($"{a}/{len} dev {i}"); }
    public void DeleteAddress(string i, IPAddress a, int len) { Calls.Add($"addr del {a}/{len} dev {i}"); Addresses.Remove($"{a}/{len} dev {i}"); }

    public void AddSourceRoute(IPNetwork s, IPAddress g, string i)
    {
        Require(i);
        Calls.Add($"route add default from {s} via {g} dev {i}");
        Routes.Add($"default from {s} via {g} dev {i}");
    }

    public void DeleteSourceRoute(IPNetwork s, IPAddress g, string i)
    {
        Calls.Add($"route del default from {s} via {g} dev {i}");
        Routes.Remove($"default from {s} via {g} dev {i}");
    }

    public void AddPeerRoute(IPNetwork s, IPAddress v, string i)
    {
        Require(i);
        Calls.Add($"route add default from {s} via {v} dev {i} onlink");
        Routes.Add($"default from {s} via {v} dev {i} onlink");
    }

    public void DeletePeerRoute(IPNetwork s, IPAddress v, string i)
    {
        Calls.Add($"route del default from {s} via {v} dev {i} onlink");
        Routes.Remove($"default from {s} via {v} dev {i} onlink");
    }

    public void AddOnLinkRoute(IPNetwork p, string i) { Require(i); Calls.Add($"route add {p} dev {i}"); Routes.Add($"{p} dev {i}"); }
    public void DeleteOnLinkRoute(IPNetwork p, string i) { Calls.Add($"route del {p} dev {i}"); Routes.Remove($"{p} dev {i}"); }

    public void AddRefusal(IPNetwork s) { Calls.Add($"route add prohibit default from {s}"); Routes.Add($"prohibit default from {s}"); }
    public void DeleteRefusal(IPNetwork s) { Calls.Add($"route del prohibit default from {s}"); Routes.Remove($"prohibit default from {s}"); }

    private void Require(string i)
    {
        if (MissingInterfaces.Contains(i)) throw new IOException($"no such device: {i}");
    }
}
