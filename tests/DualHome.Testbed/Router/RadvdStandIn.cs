using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DualHome.Testbed.Router;

/// <summary>
/// Stand-in for dualhomed, built from stock parts: it does in the router namespace what the daemon's
/// contract says the daemon does (LAN ::1 addresses, accept_ra=0, forwarding=1, one
/// <c>default from &lt;prefix&gt; via &lt;gateway&gt; dev &lt;wan&gt;</c> per uplink), and radvd sends the RAs
/// (both PIOs, RDNSS, MTU, SLLA; on SIGTERM radvd sends its final RAs with router lifetime 0). After radvd
/// exits it removes what it configured, as the daemon must. It has no uplink health logic.
/// </summary>
public sealed class RadvdStandIn : RouterProcess
{
    private readonly DaemonConfig.LanView _view;

    private RadvdStandIn(Site site, BackgroundProcess process, string configPath, JsonObject config, DaemonConfig.LanView view)
        : base(site, process, configPath, config) => _view = view;

    public override RouterKind Kind => RouterKind.RadvdStandIn;

    public override string? LogPath => null;

    internal static async Task<RadvdStandIn> StartAsync(Site site, JsonObject config, string name)
    {
        var view = DaemonConfig.View(config);
        foreach (var argv in Setup(view)) (await site.ExecAsync(Node.Router, argv)).EnsureSuccess();
        var conf = Path.Combine(site.WorkDirectory, $"{name}.conf");
        await File.WriteAllTextAsync(conf, RadvdConf(view));
        var pidFile = Path.Combine(site.WorkDirectory, $"{name}.pid");
        var p = site.StartBackground(name, Node.Router, ["radvd", "--nodaemon", "--logmethod", "stderr", "--config", conf, "--pidfile", pidFile]);
        return new RadvdStandIn(site, p, conf, config, view);
    }

    public override async Task<StopResult> StopAsync(TimeSpan? timeout = null)
    {
        var result = await base.StopAsync(timeout);
        foreach (var argv in Teardown(_view)) await Site.ExecAsync(Node.Router, argv);
        return result;
    }

    private static IEnumerable<string[]> Setup(DaemonConfig.LanView v)
    {
        yield return ["sysctl", "-qw", $"net.ipv6.conf.{v.Interface}.accept_ra=0", "net.ipv6.conf.all.forwarding=1"];
        foreach (var u in v.Uplinks)
        {
            yield return ["ip", "-6", "addr", "replace", $"{RouterAddress(u.Prefix)}/{u.Prefix.PrefixLength}", "dev", v.Interface, "nodad"];
            yield return ["ip", "-6", "route", "replace", "default", "from", u.Prefix.ToString(), "via", u.Gateway, "dev", u.Interface];
        }
    }

    private static IEnumerable<string[]> Teardown(DaemonConfig.LanView v)
    {
        foreach (var u in v.Uplinks)
        {
            yield return ["ip", "-6", "route", "del", "default", "from", u.Prefix.ToString(), "via", u.Gateway, "dev", u.Interface];
            yield return ["ip", "-6", "addr", "del", $"{RouterAddress(u.Prefix)}/{u.Prefix.PrefixLength}", "dev", v.Interface];
        }
    }

    private static string RouterAddress(IPNetwork prefix)
    {
        var bytes = prefix.BaseAddress.GetAddressBytes();
        bytes[15] = 1;
        return new IPAddress(bytes).ToString();
    }

    private static string RadvdConf(DaemonConfig.LanView v)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"interface {v.Interface} {{");
        sb.AppendLine("  AdvSendAdvert on;");
        sb.AppendLine($"  MinRtrAdvInterval {v.MinInterval};");
        sb.AppendLine($"  MaxRtrAdvInterval {v.MaxInterval};");
        sb.AppendLine("  AdvLinkMTU 1500;");
        sb.AppendLine("  AdvSourceLLAddress on;");
        foreach (var u in v.Uplinks) sb.AppendLine($"  prefix {u.Prefix} {{ AdvOnLink on; AdvAutonomous on; }};");
        if (v.Dns.Count > 0) sb.AppendLine($"  RDNSS {string.Join(' ', v.Dns)} {{ AdvRDNSSLifetime {3 * v.MaxInterval}; }};");
        sb.AppendLine("};");
        return sb.ToString();
    }
}
