using System.Diagnostics;
using DualHome.Testbed;
using DualHome.Testbed.Router;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace DualHome.Integration.Tests;

/// <summary>
/// Runs one scenario in its own <see cref="Site"/>: skips visibly without root, fails with "run ./build.sh
/// publish first" without the daemon, writes the site's command trace and the router's output to the test
/// output when the scenario fails, and always tears the site down.
/// </summary>
public abstract class SiteTest
{
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    /// <summary>Runs against the router chosen by <c>DUALHOME_ROUTER</c> (dualhomed unless it says <c>standin</c>).</summary>
    protected static Task WithSiteAsync(Func<Site, Task> scenario) => WithSiteAsync(RouterKinds.FromEnvironment(), scenario);

    /// <param name="dataPlane">"kernel" or "packet"; null: from <c>DUALHOME_DATAPLANE</c> (the suite runs in both).</param>
    protected static Task WithSiteAsync(RouterKind kind, Func<Site, Task> scenario, string? dataPlane = null) =>
        WithSiteAsync(kind, scenario, o => dataPlane is null ? o : o with { DataPlane = dataPlane });

    protected static async Task WithSiteAsync(RouterKind kind, Func<Site, Task> scenario, Func<SiteOptions, SiteOptions> adjust)
    {
        Assert.SkipUnless(Prerequisites.IsRoot, Prerequisites.RootReason);
        if (kind == RouterKind.Dualhomed) DaemonBinary.Require();
        var trace = new List<string>();
        var options = new SiteOptions { Router = kind, Log = l => { lock (trace) trace.Add(l); } };
        options = adjust(options);
        Log($"router under test: {kind}, data plane: {options.DataPlane}");
        var clock = Stopwatch.StartNew();
        var site = await Site.CreateAsync(options, Cancel);
        Log($"site dh{site.Id} built in {clock.Elapsed.TotalSeconds:0.0} s");
        try
        {
            await scenario(site);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log($"FAILED: {e.Message}");
            lock (trace) trace.ForEach(Log);
            if (site.Router is { } r) Log(r.AllOutput());
            if (site.RouterB is { } b) Log(b.AllOutput());
            throw;
        }
        finally
        {
            await site.DisposeAsync();
            Log($"scenario took {clock.Elapsed.TotalSeconds:0.0} s");
        }
    }

    protected static string Describe(IEnumerable<object> items) => string.Join("\n  ", items.Select(i => i.ToString()));
}
