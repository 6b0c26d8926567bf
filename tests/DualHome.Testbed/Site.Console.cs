using System.Text.Json.Nodes;
using DualHome.Testbed.Console;
using DualHome.Testbed.Router;

namespace DualHome.Testbed;

/// <summary>The serial console, as a user meets it: <c>dualhomed console</c> on a pseudo-terminal in the router.</summary>
public sealed partial class Site
{
    /// <summary>Types <paramref name="lines"/> into <c>dualhomed console --config &lt;the running router's config&gt;</c>
    /// one at a time, each after the prompt, then <c>exit</c>.</summary>
    public async Task<ConsoleTranscript> ConsoleAsync(params string[] lines)
    {
        var router = Router ?? throw new TestbedException("no router was started");
        var script = TestbedScripts.Extract("console.py", WorkDirectory);
        var r = await ExecAsync(Node.Router,
            [Prerequisites.Python, script, new JsonArray([.. lines.Select(l => (JsonNode?)JsonValue.Create(l))]).ToJsonString(),
             DaemonBinary.Require(), "console", "--config", router.ConfigPath],
            TimeSpan.FromSeconds(30 + 20 * lines.Length));
        if (!r.Ok) throw new TestbedException($"console driver failed: exit {r.ExitCode}: {r.Stderr}");
        return ConsoleTranscript.Parse(r.Stdout);
    }

    /// <summary>Starts the daemon again on the configuration file of the last start (as a reboot would).</summary>
    public Task<RouterProcess> RestartDaemonOnSameConfigAsync()
    {
        var last = Router ?? throw new TestbedException("no router was started");
        if (last.IsRunning) throw new TestbedException("the router is still running; stop it first");
        Router = Dualhomed.Start(this, last.Config, last.ConfigPath, $"dualhomed-restart-{Interlocked.Increment(ref _routerStarts)}");
        return Task.FromResult(Router);
    }

    /// <summary>Until the router's control socket answers (a console or ctl started before that finds nothing listening).</summary>
    public Task WaitForControlAsync(TimeSpan timeout, CancellationToken cancel = default) =>
        Poll.UntilAsync(async () =>
        {
            ThrowIfRouterExited("its control socket");
            return (await CtlAsync("show", "status")).Ok;
        }, timeout, "the router's control socket to answer", cancel: cancel);
}
