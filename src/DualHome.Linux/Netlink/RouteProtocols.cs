namespace DualHome.Linux.Netlink;

/// <summary>rtm_protocol values: who installed a route (linux/rtnetlink.h RTPROT_*, /etc/iproute2/rt_protos).</summary>
public static class RouteProtocols
{
    /// <summary>
    /// RTPROT_UNSPEC. For a rule: none given, as iproute2 sends without <c>proto</c> (no FRA_PROTOCOL);
    /// a rule delete with it matches any protocol.
    /// </summary>
    public const byte Unspecified = 0;

    /// <summary>RTPROT_STATIC: installed by an administrator.</summary>
    public const byte Static = 4;

    /// <summary>
    /// DualHome's own routes. Values above RTPROT_STATIC are not interpreted by the kernel; 100 is
    /// assigned neither in linux/rtnetlink.h nor in iproute2's rt_protos (99 is RTPROT_OPENR, 42 babel),
    /// so <c>ip -6 route show proto 100</c> lists exactly the routes this daemon owns and a restart can
    /// flush its leftovers. An rt_protos.d entry "100 dualhome" makes iproute2 print the name.
    /// </summary>
    public const byte DualHome = 100;
}
