namespace DualHome.Linux.Netlink;

/// <summary>Route queries (RTM_GETROUTE).</summary>
public sealed partial class Rtnetlink
{
    /// <summary>
    /// Every IPv6 unicast/blackhole/unreachable/prohibit route in every table. Lets a restarted daemon find
    /// and delete leftovers of its protocol (<see cref="RouteProtocols.DualHome"/>), or check a route exists.
    /// </summary>
    public IReadOnlyList<Ipv6Route> GetRoutes()
    {
        var routes = new List<Ipv6Route>();
        Query("RTM_GETROUTE", NetlinkMessages.BuildGetRoutes, (in NetlinkMessage reply) =>
        {
            if (reply.Type == RtnetlinkConstants.RTM_NEWROUTE && RouteParser.TryParse(reply.Payload, out var route))
            {
                routes.Add(route!);
            }
        });
        return routes;
    }
}
