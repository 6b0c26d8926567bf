using System.Net;

namespace DualHome.Testbed;

/// <summary>The five namespaces of the site (shared/notes/testbed.md, "A realistic topology"); a two-router site
/// (issue 10) adds router B and the LAN's bridge.</summary>
public enum Node { Host, Router, IspA, IspB, Inet, RouterB, Lan }

/// <summary>One of the two upstream providers.</summary>
public enum Isp { A, B }

/// <summary>
/// Fixed names and addresses of the testbed. Interface names are the same in every site; only the
/// namespace names are unique per <see cref="Site"/>.
/// <code>
/// host(eth0) — lan0 [router] wana — ispA(rtr0) inet0 — inet(ispa0)    server 2001:db8:ffff::1 on inet's lo
///                            wanb — ispB(rtr0) inet0 — inet(ispb0)
/// </code>
/// </summary>
public static class Topology
{
    public const string HostLan = "eth0";
    public const string RouterLan = "lan0";
    public const string IspDown = "rtr0";
    public const string IspUp = "inet0";

    /// <summary>ISP side of each link-local-only link (router–ISP and ISP–inet).</summary>
    public static readonly IPAddress IspLinkLocal = IPAddress.Parse("fe80::1");
    /// <summary>Router side of router–ISP links, and inet side of ISP–inet links.</summary>
    public static readonly IPAddress PeerLinkLocal = IPAddress.Parse("fe80::2");

    public static readonly IPAddress Server = IPAddress.Parse("2001:db8:ffff::1");
    public static readonly IPAddress LanDns = IPAddress.Parse("2001:db8:a:1::53");

    /// <summary>A source in no site prefix: the "spoofed" host address (BCP 38 says drop it).</summary>
    public static readonly IPNetwork ForeignPrefix = IPNetwork.Parse("2001:db8:c:1::/64");
    public static readonly IPAddress ForeignSource = IPAddress.Parse("2001:db8:c:1::99");

    public static string RouterWan(Isp isp) => isp == Isp.A ? "wana" : "wanb";
    public static string InetDown(Isp isp) => isp == Isp.A ? "ispa0" : "ispb0";
    public static Node NodeOf(Isp isp) => isp == Isp.A ? Node.IspA : Node.IspB;
    public static string Letter(Isp isp) => isp == Isp.A ? "a" : "b";

    /// <summary>The /48 each ISP delegates: 2001:db8:a::/48 and 2001:db8:b::/48.</summary>
    public static IPNetwork Delegated(Isp isp) => IPNetwork.Parse($"2001:db8:{Letter(isp)}::/48");

    /// <summary>The LAN /64 taken from each delegation: 2001:db8:a:1::/64 and 2001:db8:b:1::/64.</summary>
    public static IPNetwork LanPrefix(Isp isp) => IPNetwork.Parse($"2001:db8:{Letter(isp)}:1::/64");

    /// <summary>The router's own LAN address in each prefix (the daemon adds it, ::1).</summary>
    public static IPAddress RouterLanAddress(Isp isp) => IPAddress.Parse($"2001:db8:{Letter(isp)}:1::1");

    public static readonly Isp[] Isps = [Isp.A, Isp.B];

    public static Isp Other(Isp isp) => isp == Isp.A ? Isp.B : Isp.A;

    /// <summary>The ISP whose LAN prefix holds <paramref name="address"/>, or null (link-local, foreign, none).</summary>
    public static Isp? IspOf(IPAddress? address) =>
        address is null ? null : Isps.Where(i => LanPrefix(i).Contains(address)).Select(i => (Isp?)i).FirstOrDefault();
}
