using DualHome.ControlPlane.Host;
using DualHome.ControlPlane.Routing;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Host;

/// <summary>The host's source-specific default routes (RFC 8028 §3): <c>default from PREFIX via ROUTER dev IF</c>, one
/// per advertised prefix, next to the kernel's own RA default routes (which still serve every other source). Only the
/// difference is changed; everything is removed at exit.</summary>
public sealed class HostRoutes(INetworkSystem net, string interfaceName, ILogger log) : IDisposable
{
    private readonly HashSet<HostRoute> _installed = [];

    public void Apply(IReadOnlyList<HostRoute> routes)
    {
        foreach (var r in _installed.Except(routes).ToList()) Change(r, add: false);
        foreach (var r in routes.Except(_installed).ToList()) Change(r, add: true);
    }

    public void Dispose()
    {
        foreach (var r in _installed.ToList()) Change(r, add: false);
    }

    private void Change(HostRoute r, bool add)
    {
        string what = $"default from {r.Prefix} via {r.Router} dev {interfaceName}";
        try
        {
            if (add) net.AddSourceRoute(r.Prefix, r.Router, interfaceName); else net.DeleteSourceRoute(r.Prefix, r.Router, interfaceName);
            if (add) _installed.Add(r); else _installed.Remove(r);
            HostLog.Route(log, (add ? "added " : "removed ") + what);
        }
        catch (IOException e)
        {
            HostLog.Failed(log, (add ? "add " : "remove ") + what, e.Message);
        }
    }
}
