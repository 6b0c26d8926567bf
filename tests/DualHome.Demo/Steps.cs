using System.Diagnostics;
using System.Net;
using DualHome.Testbed;
using DualHome.Demo.Panel;
using DualHome.Testbed.Capture;
using DualHome.Testbed.Failover;
using DualHome.Testbed.Router;

namespace DualHome.Demo;

/// <summary>What the steps share: the site, the capture and what earlier steps learnt.</summary>
public sealed class DemoContext(Reporter reporter, RouterKind router, CancellationToken cancel)
{
    public Reporter Reporter { get; } = reporter;
    public RouterKind RouterKind { get; } = router;
    public CancellationToken Cancel { get; } = cancel;
    public Site? Site { get; set; }
    public NdCapture? Capture { get; set; }
    public SiteWatch? Watch { get; set; }
    public LivePanel? Panel { get; set; }
    public List<TimelineEntry> Timeline { get; } = [];

    /// <summary>The step running now, as the live panel shows it.</summary>
    public string CurrentStep { get; set; } = "";
    public Dictionary<Isp, IPAddress> HostAddress { get; } = [];
    public DateTimeOffset? StoppedAt { get; set; }

    public Site RequireSite => Site ?? throw new StepFailedException("no site (an earlier step failed)");
    public NdCapture RequireCapture => Capture ?? throw new StepFailedException("no capture running");
    public SiteWatch RequireWatch => Watch ?? throw new StepFailedException("no watchers running (an earlier step failed)");

    public void Detail(string text) => Reporter.Detail(text);
}

/// <summary>A step's own verdict: the message says what was expected and what was seen.</summary>
public sealed class StepFailedException(string message) : Exception(message);

/// <summary>One step of a scenario. <see cref="AlwaysRun"/> steps (teardown) run even after a failure or Ctrl-C.</summary>
public sealed record Step(string Title, Func<DemoContext, Task> Run, bool AlwaysRun = false);

/// <summary>Runs steps in order; after the first failure the rest are skipped except <see cref="Step.AlwaysRun"/> ones.</summary>
public static class StepRunner
{
    public static async Task<bool> RunAsync(IReadOnlyList<Step> steps, DemoContext context)
    {
        int passed = 0, failed = 0, skipped = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var stop = failed > 0 || context.Cancel.IsCancellationRequested;
            if (stop && !step.AlwaysRun)
            {
                context.Reporter.StepEnded(i + 1, step.Title, StepOutcome.Skipped, TimeSpan.Zero);
                skipped++;
                continue;
            }
            context.CurrentStep = $"[{i + 1}/{steps.Count}] {step.Title}";
            context.Reporter.StepStarted(i + 1, step.Title);
            var clock = Stopwatch.StartNew();
            try
            {
                await step.Run(context);
                context.Reporter.StepEnded(i + 1, step.Title, StepOutcome.Passed, clock.Elapsed);
                passed++;
            }
            catch (Exception e)
            {
                var why = e is OperationCanceledException ? "interrupted" : e.Message;
                context.Reporter.StepEnded(i + 1, step.Title, StepOutcome.Failed, clock.Elapsed, why);
                failed++;
            }
        }
        context.Reporter.Summary(passed, failed, skipped);
        return failed == 0 && skipped == 0;
    }
}
