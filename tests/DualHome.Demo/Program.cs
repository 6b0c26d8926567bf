using System.Runtime.InteropServices;
using DualHome.Testbed;
using DualHome.Testbed.Router;

namespace DualHome.Demo;

/// <summary>
/// <c>dotnet run --project tests/DualHome.Demo -- demo|bench [forwarding|mptcp] [--standin] [--runs N] [--failover-runs N] [--stable-runs N] [--idle-seconds N] [--modes LIST]</c>.
/// Needs root. Ctrl-C or SIGTERM tears the site down (processes by pid, namespaces by name) before exiting.
/// Exit 0 when every step succeeded, 1 when one failed, 2 on a usage error.
/// </summary>
public static class Program
{
    private const string Usage =
        "usage: dualhome-demo demo|bench [forwarding|mptcp] [--standin] [--runs N] [--failover-runs N] [--stable-runs N] [--idle-seconds N] [--modes LIST]\n" +
        "  demo   show dualhomed at work in a namespace testbed: a live panel, ISP A failing silently, B losing carrier\n" +
        "  bench  start-to-first-RA (median/max over --runs starts, default 5); failover and recovery times over\n" +
        "         --failover-runs runs each (default 10); RSS after an idle period (--idle-seconds, default 60), then\n" +
        "         --stable-runs returns of an uplink that was up for over 60 s (default 1, each waits 62 s); then forwarding:\n" +
        "         kernel vs packet mode (1 and 2 workers), 64-byte UDP rate under 0.1 % loss, TCP, RTT (about 2 minutes)\n" +
        "  bench forwarding  the forwarding part only\n" +
        "  bench mptcp  the MPTCP stall at failover only (issue 11, host mode)\n" +
        "  --modes LIST  forwarding modes to measure, comma-separated: kernel, kernel:gro (router GRO on), packet:N\n" +
        "         (N workers), with :rt (real-time workers), :pin (pinned to the last CPUs), :nodrop (DataPlane.IngressDrop\n" +
        "         off), :wire (DataPlane.Offloads off); default kernel,kernel:gro,packet:1,packet:1:wire,packet:2,packet:1:rt:pin\n" +
        "  --standin  use the radvd stand-in instead of dualhomed (validates the testbed itself)\n" +
        "  dualhomed: $DUALHOME_BIN, else <repo>/artifacts/linux-x64/dualhomed";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("demo" or "bench") || !TryOptions(args[0], args[1..], out var kind, out var bench))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        if (!Prerequisites.IsRoot)
        {
            Console.Error.WriteLine($"dualhome-demo {Prerequisites.RootReason}: run it as root (e.g. sudo -E dotnet run --project tests/DualHome.Demo -- {args[0]})");
            return 1;
        }
        var reporter = Reporter.ForConsole();
        using var cts = new CancellationTokenSource();
        var context = new DemoContext(reporter, kind, cts.Token);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Interrupt("Ctrl-C", cts, context);
        };
        // SIGTERM does not raise ProcessExit by itself here: handle it like Ctrl-C (graceful teardown).
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            Interrupt("SIGTERM", cts, context);
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TearDownNow(context);
        try
        {
            return args[0] == "demo" ? await DemoAsync(context) : await BenchAsync(context, bench);
        }
        catch (Exception e) when (e is OperationCanceledException or TestbedException or DaemonMissingException or TimeoutException)
        {
            reporter.Plain($"error: {e.Message}");
            return 1;
        }
        finally
        {
            TearDownNow(context);
        }
    }

    private static async Task<int> DemoAsync(DemoContext context)
    {
        context.Reporter.Title($"DualHome demo — router under test: {context.RouterKind}");
        if (context.RouterKind == RouterKind.Dualhomed) context.Reporter.Plain($"dualhomed: {DaemonBinary.Require()}");
        return await StepRunner.RunAsync(DemoScript.Steps(), context) ? 0 : 1;
    }

    private static async Task<int> BenchAsync(DemoContext context, BenchOptions options)
    {
        context.Reporter.Title($"DualHome bench — router under test: {context.RouterKind}");
        if (context.RouterKind == RouterKind.Dualhomed) context.Reporter.Plain($"dualhomed: {DaemonBinary.Require()}");
        var ok = options.ForwardingOnly || options.MptcpOnly || await TimesAndMemoryAsync(context, options);
        if (!options.ForwardingOnly) await BenchMptcp.RunAsync(context, options.Runs);
        if (!options.MptcpOnly) await BenchForwarding.RunAsync(context, options.Modes);
        return ok ? 0 : 1;
    }

    /// <summary>The first parts of `bench` on a site of their own (the forwarding part builds another).</summary>
    private static async Task<bool> TimesAndMemoryAsync(DemoContext context, BenchOptions options)
    {
        await using var site = await Site.CreateAsync(new SiteOptions { Router = context.RouterKind }, context.Cancel);
        context.Site = site;
        return await new Bench(context.Reporter, options, context.Cancel).RunAsync(site);
    }

    /// <summary>First Ctrl-C/SIGTERM: cancel the running step (teardown still runs). Second: tear down at once and exit 130.</summary>
    private static void Interrupt(string what, CancellationTokenSource cts, DemoContext context)
    {
        if (!cts.IsCancellationRequested)
        {
            context.Reporter.Plain($"{what}: tearing down (Ctrl-C again to force)");
            cts.Cancel();
            return;
        }
        TearDownNow(context);
        Environment.Exit(130);
    }

    private static void TearDownNow(DemoContext context)
    {
        try
        {
            context.Panel?.Dispose();
            context.Watch?.Dispose();
            context.Capture?.Dispose();
            context.Site?.Dispose();
        }
        catch (AggregateException e)
        {
            Console.Error.WriteLine($"teardown: {e.Message}");
        }
        Owned.SweepAll();
    }

    private static bool TryOptions(string command, string[] args, out RouterKind kind, out BenchOptions bench)
    {
        kind = RouterKinds.FromEnvironment();
        bench = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--standin": kind = RouterKind.RadvdStandIn; break;
                case "forwarding" when command == "bench" && i == 0: bench = bench with { ForwardingOnly = true }; break;
                case "mptcp" when command == "bench" && i == 0: bench = bench with { MptcpOnly = true }; break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
                    bench = bench with { Runs = n }; i++; break;
                case "--failover-runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var f) && f > 0:
                    bench = bench with { FailoverRuns = f }; i++; break;
                case "--stable-runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var st) && st >= 0:
                    bench = bench with { StableRuns = st }; i++; break;
                case "--idle-seconds" when i + 1 < args.Length && int.TryParse(args[i + 1], out var s) && s >= 0:
                    bench = bench with { IdleSeconds = s }; i++; break;
                case "--modes" when i + 1 < args.Length && DataPlaneMode.TryParseList(args[i + 1], out var modes):
                    bench = bench with { Modes = modes }; i++; break;
                default: return false;
            }
        }
        return true;
    }
}
