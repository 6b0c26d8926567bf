using System.Collections.Concurrent;
using System.Text;
using DualHome.Testbed;
using DualHome.Testbed.Failover;
using DualHome.Testbed.Router;

namespace DualHome.Demo.Panel;

/// <summary>
/// The demo's live view, refreshed every 100 ms from what the site's watchers see (the daemon's logged uplink
/// transitions, the RAs captured on the host, the host's running TCP probe, the router's carrier in sysfs).
/// On a terminal it is a block of lines kept at the bottom and redrawn in place with ANSI cursor moves; the
/// reporter's lines are printed above it. Otherwise it prints a plain timestamped line whenever a fact changes.
/// </summary>
public sealed class LivePanel : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);
    private readonly DemoContext _context;
    private readonly SiteWatch _watch;
    private readonly TextWriter _output;
    private readonly bool _terminal;
    private readonly ConcurrentQueue<string> _pending = new();
    private readonly Lock _draw = new();
    private readonly CancellationTokenSource _stop = new();
    private Dictionary<string, string> _facts = [];
    private Task _loop = Task.CompletedTask;
    private int _drawn;
    private int _stopped; // 0 running, 1 stopping (last frame to come), 2 stopped: nothing is drawn any more

    private LivePanel(DemoContext context, SiteWatch watch, TextWriter output, bool terminal)
    {
        (_context, _watch, _output, _terminal) = (context, watch, output, terminal);
    }

    public static LivePanel Start(DemoContext context, SiteWatch watch)
    {
        var reporter = context.Reporter;
        var panel = new LivePanel(context, watch, reporter.Output, reporter.Terminal);
        if (panel._terminal)
        {
            reporter.Divert(panel._pending.Enqueue);
            panel._output.Write("\u001b[?25l"); // hide the cursor while redrawing
        }
        panel._loop = Task.Run(panel.RunAsync);
        return panel;
    }

    /// <summary>Stops refreshing: a last frame stays on the terminal, and the reporter writes directly again.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.CompareExchange(ref _stopped, 1, 0) != 0) return;
        _stop.Cancel();
        await _loop;
        Finish();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            do Refresh();
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is IOException or TestbedException or InvalidDataException)
        {
            _pending.Enqueue($"panel stopped: {e.Message}");
        }
    }

    private void Refresh()
    {
        var state = Capture();
        if (_terminal) Draw(PanelRenderer.Lines(state, Width()));
        else Report(PanelRenderer.Facts(state));
    }

    private PanelState Capture()
    {
        var router = _watch.Site.Router;
        var transitions = router is null ? [] : DaemonTransitions.Of(router);
        return PanelState.Build(DateTimeOffset.UtcNow, _context.CurrentStep, transitions, i => Carrier(router, i),
            _watch.Capture.LatestAdvertisement, _watch.Prober.Starts(), _watch.Prober.Attempts(), Cells());
    }

    /// <summary>The router's wan carrier, read from sysfs as the router namespace mounts it (through the daemon's
    /// /proc root); null when that is not readable (no router running).</summary>
    private static bool? Carrier(RouterProcess? router, Isp isp)
    {
        if (router is not { IsRunning: true }) return null;
        try
        {
            return File.ReadAllText($"/proc/{router.Pid}/root/sys/class/net/{Topology.RouterWan(isp)}/carrier").Trim() == "1";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reporter lines queued since the last frame go above the panel; then the panel is drawn again.</summary>
    private void Draw(IReadOnlyList<string> lines)
    {
        lock (_draw)
        {
            if (_stopped == 2) return;
            var sb = new StringBuilder();
            if (_drawn > 0) sb.Append($"\u001b[{_drawn}F\u001b[J"); // to the panel's first line, clear below
            while (_pending.TryDequeue(out var line)) sb.Append(line).Append('\n');
            foreach (var l in lines) sb.Append(l).Append('\n');
            _drawn = lines.Count;
            _output.Write(sb.ToString());
            _output.Flush();
        }
    }

    private void Report(Dictionary<string, string> facts)
    {
        foreach (var (key, value) in facts)
            if (!_facts.TryGetValue(key, out var old) || old != value) _context.Reporter.Plain($"panel: {key}: {value}");
        _facts = facts;
    }

    private void Finish()
    {
        if (_terminal)
        {
            Draw(PanelRenderer.Lines(Capture(), Width()));
            lock (_draw)
            {
                _stopped = 2;
                _output.Write("\u001b[?25h");
                _output.Flush();
            }
        }
        _context.Reporter.Divert(null);
        while (_pending.TryDequeue(out var line)) _output.WriteLine(line);
    }

    private int Cells() => Math.Clamp(Width() - 60, 10, 60);

    private static int Width()
    {
        try { return Console.WindowWidth is > 20 and var w ? w - 1 : 100; }
        catch (IOException) { return 100; }
    }

    /// <summary>For Ctrl-C and process exit: stop drawing at once, give the cursor back, print what was queued.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        lock (_draw)
        {
            if (_terminal && _stopped != 2) _output.Write("\u001b[?25h");
            _stopped = 2;
        }
        _context.Reporter.Divert(null);
        while (_pending.TryDequeue(out var line)) _output.WriteLine(line);
        _output.Flush();
    }
}
