using DualHome.Testbed;
using DualHome.Testbed.Capture;
using DualHome.Testbed.Failover;

namespace DualHome.Demo;

/// <summary>
/// The `demo` scenario, one <see cref="Step"/> per claim; each step reads and writes the shared
/// <see cref="DemoContext"/>. After the basics (RAs, SLAAC, exit by source, BCP 38) it shows issue 3 with a live
/// panel: ISP A dies silently and comes back, B loses carrier and gets it back, each measured; then a smart host's MPTCP
/// transfer through another failure of A (issue 11), and a timeline.
/// </summary>
public static class DemoScript
{
    private static readonly TimeSpan RaTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan SlaacTimeout = TimeSpan.FromSeconds(20);

    public static IReadOnlyList<Step> Steps() =>
    [
        new("Build the site: host, router, ISP A, ISP B, inet in fresh namespaces", BuildSite),
        new("Start the watchers (ND capture, address monitor, TCP probe), the live panel and the router", FailoverSteps.StartWatchAndRouter),
        new("Router advertises both prefixes, RDNSS and MTU", ShowAdvertisement),
        new("Host configures a SLAAC address in each prefix", ShowSlaac),
        new("TCP from the host's A address leaves through ISP A", ctx => TraceExit(ctx, Isp.A)),
        new("TCP from the host's B address leaves through ISP B", ctx => TraceExit(ctx, Isp.B)),
        new($"A spoofed source ({Topology.ForeignSource}) is dropped by the router", SpoofedSource),
        new("Steady state: both ISPs up, the host's new connections leave from A", ctx => FailoverSteps.Steady(ctx, Isp.A)),
        new("ISP A dies silently (carrier stays up): A deprecated, new connections from B", ctx => FailoverSteps.Fail(ctx, Isp.A, FailureKind.Silent)),
        new("ISP A is restored: A preferred again, only after the hysteresis", ctx => FailoverSteps.Recover(ctx, Isp.A, FailureKind.Silent)),
        new("The host now prefers B for new connections (policy table); steady state", ctx => FailoverSteps.Steady(ctx, Isp.B)),
        new("ISP B loses carrier: B deprecated, new connections from A", ctx => FailoverSteps.Fail(ctx, Isp.B, FailureKind.Carrier)),
        new("ISP B's carrier returns: B preferred again, only after the hysteresis", ctx => FailoverSteps.Recover(ctx, Isp.B, FailureKind.Carrier)),
        new("Nothing was forwarded with a source an ISP drops (ingress counters)", FailoverSteps.NothingDropped),
        new("Smart host (dualhomed host): MPTCP from A survives ISP A dying; plain TCP from A stalls", DemoHostMode.MptcpSurvives),
        new("SIGTERM: router exits 0 after a final RA with router lifetime 0", StopRouter),
        new("Host's default route via the router is gone", DefaultRouteGone),
        new("Timeline of the failures and recoveries", FailoverSteps.Timeline, AlwaysRun: true),
        new("Teardown: processes killed, namespaces deleted", Teardown, AlwaysRun: true),
    ];

    private static async Task BuildSite(DemoContext ctx)
    {
        ctx.Site = await Site.CreateAsync(new SiteOptions { Router = ctx.RouterKind }, ctx.Cancel);
        var s = ctx.Site;
        ctx.Detail($"namespaces {string.Join(", ", s.Nodes.Select(s.Namespace))}");
        ctx.Detail($"ISPs filter ingress (BCP 38) and count per source; server {Topology.Server} in inet; work dir {s.WorkDirectory}");
    }

    private static async Task ShowAdvertisement(DemoContext ctx)
    {
        var router = ctx.RequireSite.Router!;
        var ra = await ctx.RequireCapture.WaitForAdvertisementAsync(
            r => Topology.Isps.All(i => r.Ra.Prefix(Topology.LanPrefix(i)) is not null), RaTimeout,
            "an RA with both prefixes", router.StartedAt, ctx.Cancel, () => ctx.RequireSite.ThrowIfRouterExited("its first RA"));
        var first = ctx.RequireCapture.AdvertisementsSince(router.StartedAt)[0];
        ctx.Detail($"first RA {(first.Time - router.StartedAt).TotalMilliseconds:0} ms after start, from {first.Source} to {first.Destination}");
        ctx.Detail($"router lifetime {ra.Ra.RouterLifetime} s, preference {ra.Ra.Preference}, hop limit {ra.HopLimit}");
        foreach (var p in ra.Ra.Prefixes) ctx.Detail($"prefix {p}");
        foreach (var d in ra.Ra.Rdnss) ctx.Detail($"RDNSS {d}");
        ctx.Detail($"MTU {ra.Ra.Mtu?.ToString() ?? "(none)"}, SLLA {ra.Ra.SourceLinkLayer ?? "(none)"}");
    }

    private static async Task ShowSlaac(DemoContext ctx)
    {
        foreach (var isp in Topology.Isps)
        {
            var a = await ctx.RequireSite.WaitForHostAddressAsync(Topology.LanPrefix(isp), SlaacTimeout, ctx.Cancel);
            ctx.HostAddress[isp] = a.Address;
            ctx.Detail($"ISP {isp}: {a}");
        }
        var routes = await ctx.RequireSite.HostDefaultRoutesAsync();
        foreach (var r in routes) ctx.Detail($"host route: {r}");
    }

    private static async Task TraceExit(DemoContext ctx, Isp isp)
    {
        var source = ctx.HostAddress.GetValueOrDefault(isp) ?? throw new StepFailedException($"host has no {isp} address");
        var exit = await ctx.RequireSite.TraceExitAsync(source);
        ctx.Detail(exit.Tcp.ToString());
        ctx.Detail($"packets from {source}: ISP A {exit.PacketsFromSource[Isp.A]}, ISP B {exit.PacketsFromSource[Isp.B]}; " +
                   $"ingress drops A +{exit.IngressDropDelta[Isp.A]}, B +{exit.IngressDropDelta[Isp.B]}");
        if (!exit.Tcp.Connected) throw new StepFailedException("the connection failed");
        if (exit.CarriedBy != isp) throw new StepFailedException($"expected ISP {isp} alone to carry it");
        if (!exit.NoIngressDrops) throw new StepFailedException("an ISP's ingress filter dropped packets");
    }

    private static async Task SpoofedSource(DemoContext ctx)
    {
        var site = ctx.RequireSite;
        await site.AddHostAddressAsync(Topology.ForeignSource);
        ExitReport exit;
        try
        {
            exit = await site.TraceExitAsync(Topology.ForeignSource, TimeSpan.FromSeconds(2));
        }
        finally
        {
            // Left on the host, it would be a preferred source for every new connection after this step.
            await site.RemoveHostAddressAsync(Topology.ForeignSource);
        }
        ctx.Detail(exit.Tcp.ToString());
        ctx.Detail($"packets from it at ISP A {exit.PacketsFromSource[Isp.A]}, ISP B {exit.PacketsFromSource[Isp.B]}, " +
                   $"foreign sources seen +{exit.ForeignDelta[Isp.A]}/+{exit.ForeignDelta[Isp.B]}");
        if (exit.Tcp.Connected) throw new StepFailedException("the spoofed connection got through");
        if (!exit.ReachedNoIsp) throw new StepFailedException("packets with the spoofed source reached an ISP");
    }

    private static async Task StopRouter(DemoContext ctx)
    {
        var site = ctx.RequireSite;
        ctx.StoppedAt = DateTimeOffset.UtcNow;
        var stop = await site.StopDaemonAsync(TimeSpan.FromSeconds(10));
        ctx.Detail($"exit {(stop.TimedOut ? "none (killed after 10 s)" : stop.ExitCode.ToString())} after {stop.Elapsed.TotalMilliseconds:0} ms");
        var final = await ctx.RequireCapture.WaitForAdvertisementAsync(r => r.Ra.RouterLifetime == 0, TimeSpan.FromSeconds(2),
            "a final RA with router lifetime 0", ctx.StoppedAt, ctx.Cancel);
        var finals = ctx.RequireCapture.AdvertisementsSince(ctx.StoppedAt.Value).Count(r => r.Ra.RouterLifetime == 0);
        ctx.Detail($"final RA {(final.Time - ctx.StoppedAt.Value).TotalMilliseconds:0} ms after SIGTERM ({finals} seen): {final.Ra}");
        if (stop.ExitCode != 0) throw new StepFailedException($"exit code {stop.ExitCode?.ToString() ?? "none"}, expected 0");
    }

    private static async Task DefaultRouteGone(DemoContext ctx)
    {
        var site = ctx.RequireSite;
        var gone = await site.WaitForAsync(async () => (await site.HostDefaultRoutesAsync()).Count == 0, TimeSpan.FromSeconds(2), ctx.Cancel);
        var after = DateTimeOffset.UtcNow - ctx.StoppedAt!.Value;
        if (!gone) throw new StepFailedException($"still there: {string.Join("; ", await site.HostDefaultRoutesAsync())}");
        ctx.Detail($"no default route on the host (checked {after.TotalMilliseconds:0} ms after SIGTERM, once the router had exited)");
        var left = await site.AddressesAsync(Node.Host, Topology.HostLan);
        foreach (var a in left.Where(a => a.Scope == "global")) ctx.Detail($"host keeps {a}");
    }

    private static async Task Teardown(DemoContext ctx)
    {
        if (ctx.Panel is { } panel) await panel.StopAsync();
        ctx.Watch?.Dispose();
        ctx.Capture?.Dispose();
        if (ctx.Site is not { } site) return;
        var names = site.Nodes.Select(site.Namespace).ToList();
        await site.DisposeAsync();
        var listed = (await Command.RunAsync("ip", "netns", "list")).Stdout;
        var left = names.Where(listed.Contains).ToList();
        if (left.Count > 0) throw new StepFailedException($"namespaces left: {string.Join(", ", left)}");
        ctx.Detail($"deleted {string.Join(", ", names)}");
    }
}
