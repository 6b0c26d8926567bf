using System.Text.Json.Nodes;

namespace DualHome.Testbed.Router;

/// <summary>
/// The real daemon, <c>ip netns exec &lt;rtr&gt; dualhomed run --config FILE</c>. It configures the router
/// namespace itself (LAN addresses, accept_ra=0, forwarding, source routes, RAs); the testbed does none of it.
/// </summary>
public sealed class Dualhomed : RouterProcess
{
    private Dualhomed(Site site, BackgroundProcess process, string configPath, JsonObject config)
        : base(site, process, configPath, config)
    {
    }

    public override RouterKind Kind => RouterKind.Dualhomed;

    public override string? LogPath => (string?)Config["Log"]?["Path"];

    internal static Dualhomed Start(Site site, JsonObject config, string configPath, string name, Node node = Node.Router)
    {
        var binary = DaemonBinary.Require();
        var p = site.StartBackground(name, node, [binary, "run", "--config", configPath]);
        return new Dualhomed(site, p, configPath, config);
    }
}
