using DualHome.Demo.Panel;
using DualHome.Testbed;
using DualHome.Testbed.Failover;
using DualHome.Testbed.Router;

namespace DualHome.Demo;

/// <summary>The failover part of the demo (issue 3): each step injects or repairs, measures, and judges.</summary>
public static class FailoverSteps
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecoverWithin = TimeSpan.FromSeconds(10);

    /// <summary>Time for a viewer to see the new state on the panel before the next change.</summary>
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(1.5);

    /// <summary>The product targets (issue 3) and the looser bounds a step fails on (a loaded 2-core machine).</summary>
    private static TimeSpan Target(FailureKind k) => k == FailureKind.Silent ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromMilliseconds(100);
    private static TimeSpan Bound(FailureKind k) => k == FailureKind.Silent ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(500);

    /// <summary>With the default probe settings, UpAfter (5) rounds take at least 4 × 75 ms after the first answer.</summary>
    private static readonly TimeSpan QuickestHonestReturn = TimeSpan.FromMilliseconds(300);

    public static async Task StartWatchAndRouter(DemoContext ctx)
    {
        var site = ctx.RequireSite;
        ctx.Watch = await SiteWatch.StartAsync(site);
        ctx.Capture = ctx.Watch.Capture;
        ctx.Panel = LivePanel.Start(ctx, ctx.Watch);
        var router = await site.StartDaemonAsync();
        ctx.Detail($"{router.Kind} pid {router.Pid} in {site.Namespace(Node.Router)}, config {router.ConfigPath}");
        ctx.Detail($"host TCP probe pid {ctx.Watch.Prober.Pid}: a new connection every {ctx.Watch.Prober.Options.Interval.TotalMilliseconds:0} ms, default source selection");
        if (router.Kind != RouterKind.Dualhomed) return;
        foreach (var p in (await DaemonSettings.ReadAsync(router.ConfigPath)).Probes) ctx.Detail($"probe settings: {p}");
    }

    public static async Task Steady(DemoContext ctx, Isp primary)
    {
        var steady = await ctx.RequireWatch.WaitForSteadyStateAsync(primary, Settle, ctx.Cancel);
        ctx.Detail($"host A {steady.HostAddress[Isp.A]}, B {steady.HostAddress[Isp.B]}");
        ctx.Detail($"new connections leave from ISP {primary}: {steady.Connection}");
        ctx.Detail($"RA: {steady.Ra.Ra}");
        await Task.Delay(Linger, ctx.Cancel);
    }

    public static async Task Fail(DemoContext ctx, Isp isp, FailureKind kind)
    {
        var t = await ctx.RequireWatch.FailAsync(isp, kind, Measure, ctx.Cancel);
        ctx.Timeline.Add(TimelineEntry.Of(t, Transitions(ctx)));
        ctx.Detail(t.ToString());
        if (t.Deprecated is null) throw new StepFailedException($"the host never deprecated {t.HostAddress}");
        var first = t.FirstNewConnection ?? throw new StepFailedException($"no new connection got through: {ctx.RequireWatch.Prober.Describe(t.Injection.Before)}");
        if (first.Isp != Topology.Other(isp)) throw new StepFailedException($"the first new connection left from {first.Source}");
        var took = t.FailoverAfter!.Value;
        ctx.Detail($"failover {took.TotalMilliseconds:0} ms: product target {Target(kind).TotalMilliseconds:0} ms{(kind == FailureKind.Carrier ? " + RA" : "")} " +
                   $"{(took <= Target(kind) ? "met" : "missed")}");
        if (took > Bound(kind)) throw new StepFailedException($"failover took {took.TotalMilliseconds:0} ms (bound {Bound(kind).TotalMilliseconds:0} ms)");
        await Task.Delay(Linger, ctx.Cancel);
    }

    public static async Task Recover(DemoContext ctx, Isp isp, FailureKind kind)
    {
        var t = await ctx.RequireWatch.RecoverAsync(isp, kind, RecoverWithin, ctx.Cancel);
        var entry = TimelineEntry.Of(t, Transitions(ctx));
        ctx.Timeline.Add(entry);
        ctx.Detail(t.ToString());
        if (entry.Daemon is { } d) ctx.Detail($"daemon: {d}");
        if (t.Preferred is null) throw new StepFailedException($"{t.HostAddress} not preferred again within {RecoverWithin.TotalSeconds:0} s");
        if (t.RaAfter < QuickestHonestReturn) throw new StepFailedException($"back after {t.RaAfter?.TotalMilliseconds:0} ms: before UpAfter rounds could pass");
        await Task.Delay(Linger, ctx.Cancel);
    }

    public static async Task NothingDropped(DemoContext ctx)
    {
        var (a, b) = await ctx.RequireSite.CountersAsync();
        ctx.Detail($"ISP A: ingress_drop {a.IngressDrop}, accepted from the router {a.Rtr0Accepted}, foreign {a.Rtr0Foreign}");
        ctx.Detail($"ISP B: ingress_drop {b.IngressDrop}, accepted from the router {b.Rtr0Accepted}, foreign {b.Rtr0Foreign}");
        if (a.IngressDrop + b.IngressDrop + a.Rtr0Foreign + b.Rtr0Foreign > 0)
            throw new StepFailedException("packets with a source the ISP drops left the router");
    }

    public static async Task Timeline(DemoContext ctx)
    {
        if (ctx.Panel is { } panel) await panel.StopAsync();
        TimelineTable.Print(ctx.Reporter, ctx.Timeline, ctx.Site?.Router?.StartedAt ?? DateTimeOffset.UtcNow);
    }

    private static IReadOnlyList<DaemonTransition> Transitions(DemoContext ctx) =>
        ctx.Site?.Router is { } r ? DaemonTransitions.Of(r) : [];
}
