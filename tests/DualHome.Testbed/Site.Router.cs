using System.Text.Json.Nodes;
using DualHome.Testbed.Router;

namespace DualHome.Testbed;

/// <summary>Starting and stopping the router under test (dualhomed, or the radvd stand-in).</summary>
public sealed partial class Site
{
    private int _routerStarts;

    /// <summary>The router started last (null before the first start).</summary>
    public RouterProcess? Router { get; private set; }

    /// <summary>
    /// Writes the daemon config (contract JSON, paths in <see cref="WorkDirectory"/>, changed by
    /// <paramref name="configure"/>) and starts the router in the router namespace. For dualhomed a missing
    /// binary throws <see cref="DaemonMissingException"/> ("run ./build.sh publish first").
    /// </summary>
    public async Task<RouterProcess> StartDaemonAsync(Action<JsonObject>? configure = null)
    {
        if (Router is { IsRunning: true }) throw new TestbedException("the router is already running; stop it first");
        var n = Interlocked.Increment(ref _routerStarts);
        var config = DaemonConfig.Default(WorkDirectory, Options.DataPlane);
        configure?.Invoke(config);
        var configPath = Path.Combine(WorkDirectory, $"dualhomed-{n}.json");
        await File.WriteAllTextAsync(configPath, DaemonConfig.Serialize(config));
        Directory.CreateDirectory(Path.Combine(WorkDirectory, "state"));
        Router = Options.Router switch
        {
            RouterKind.RadvdStandIn => await RadvdStandIn.StartAsync(this, config, $"radvd-{n}"),
            _ => Dualhomed.Start(this, config, configPath, $"dualhomed-{n}"),
        };
        return Router;
    }

    /// <summary>SIGTERM to the router (by pid) and wait for its exit; null exit code means it had to be killed.</summary>
    public Task<StopResult> StopDaemonAsync(TimeSpan? timeout = null) =>
        (Router ?? throw new TestbedException("no router was started")).StopAsync(timeout);

    /// <summary>
    /// <c>dualhomed ctl --config &lt;the running router's config&gt; &lt;words…&gt;</c> in the router namespace, e.g.
    /// <c>CtlAsync("button", "short")</c> or <c>CtlAsync("show", "status", "--json")</c>. The result carries the exit
    /// code (0 ok, 1 refused or unreachable, 2 usage), stdout and stderr; it is not checked here.
    /// </summary>
    public Task<CommandResult> CtlAsync(params string[] words)
    {
        var router = Router ?? throw new TestbedException("no router was started");
        if (router.Kind != RouterKind.Dualhomed) throw new TestbedException($"ctl needs dualhomed, not the {router.Kind}");
        return ExecAsync(Node.Router, [DaemonBinary.Require(), "ctl", "--config", router.ConfigPath, .. words], null);
    }

    /// <summary>SIGKILL to the router: no final RA, nothing cleaned up by it.</summary>
    public void KillDaemon() => Router?.Kill();
}
