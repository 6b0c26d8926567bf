using System.Net;

namespace DualHome.Testbed.Probing;

/// <summary>How the host's running TCP probe works.</summary>
public sealed record ProberOptions
{
    /// <summary>A new connection is started this often (they overlap: one stuck on a dead ISP delays nothing).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>An attempt whose handshake has not completed by then counts as failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Bind each connection to this source; null (the default) leaves the choice to the host's kernel.</summary>
    public IPAddress? Bind { get; init; }
}

/// <summary>
/// A running TCP probe from the host to the site's probe server (<c>tcpprobe.py probe</c> in the host namespace):
/// a NEW connection every <see cref="ProberOptions.Interval"/>, with the kernel's default source address selection,
/// as an application on a plain host would open them. Each finished attempt becomes a <see cref="ProbeAttempt"/>;
/// they are read from the process's output as it writes them, so waits react within a few milliseconds.
/// </summary>
public sealed class TcpProber : IDisposable
{
    private readonly BackgroundProcess _process;
    private readonly LineTail _tail;
    private readonly List<ProbeAttempt> _attempts = [];
    private readonly List<ProbeStart> _starts = [];
    private readonly Lock _gate = new();

    private TcpProber(BackgroundProcess process, ProberOptions options)
    {
        _process = process;
        _tail = new LineTail(process.StdoutPath);
        Options = options;
    }

    public ProberOptions Options { get; }
    public int Pid => _process.Pid;

    public static async Task<TcpProber> StartAsync(Site site, ProberOptions? options = null, string name = "prober")
    {
        options ??= new ProberOptions();
        await site.EnsureProbeServerAsync();
        var script = TestbedScripts.Extract("tcpprobe.py", site.WorkDirectory);
        List<string> argv = [Prerequisites.Python, "-u", script, "probe", "--server", Topology.Server.ToString(),
            "--port", Site.ProbeServerPort.ToString(), "--interval-ms", options.Interval.TotalMilliseconds.ToString("0.###"),
            "--timeout-ms", options.Timeout.TotalMilliseconds.ToString("0")];
        if (options.Bind is { } bind) argv.AddRange(["--bind", bind.ToString()]);
        return new TcpProber(site.StartBackground(name, Node.Host, argv), options);
    }

    /// <summary>Every attempt finished so far, in the order they finished.</summary>
    public IReadOnlyList<ProbeAttempt> Attempts()
    {
        lock (_gate)
        {
            Refresh();
            return [.. _attempts];
        }
    }

    /// <summary>Every attempt started so far (finished or not), in start order, with the source the kernel chose.</summary>
    public IReadOnlyList<ProbeStart> Starts()
    {
        lock (_gate)
        {
            Refresh();
            return [.. _starts];
        }
    }

    private void Refresh()
    {
        foreach (var line in _tail.ReadNew())
        {
            switch (ProbeLine.TryParse(line))
            {
                case ProbeAttempt a: _attempts.Add(a); break;
                case ProbeStart s: _starts.Add(s); break;
            }
        }
    }

    /// <summary>Attempts started at or after <paramref name="since"/>, in the order they started.</summary>
    public IReadOnlyList<ProbeAttempt> StartedSince(DateTimeOffset since) =>
        Attempts().Where(a => a.Start >= since).OrderBy(a => a.Start).ToList();

    /// <summary>The attempt that finished last (the host's current state, as a user would see it).</summary>
    public ProbeAttempt? Latest => Attempts() is { Count: > 0 } all ? all[^1] : null;

    /// <summary>
    /// Waits for the earliest-started attempt at or after <paramref name="since"/> that matches. Only when every
    /// attempt started before it has finished is it known to be the earliest, so an attempt still pending on a dead
    /// ISP delays the answer, never changes it.
    /// </summary>
    public Task<ProbeAttempt?> TryWaitForAsync(Func<ProbeAttempt, bool> match, DateTimeOffset since, TimeSpan timeout,
        CancellationToken cancel = default) =>
        Poll.TryForAsync(() => Task.FromResult(FirstMatch(match, since)), timeout, Poll.Fine, cancel);

    public async Task<ProbeAttempt> WaitForAsync(Func<ProbeAttempt, bool> match, DateTimeOffset since, TimeSpan timeout,
        string what, CancellationToken cancel = default) =>
        await TryWaitForAsync(match, since, timeout, cancel)
        ?? throw new TimeoutException($"timed out after {timeout.TotalSeconds:0.#} s waiting for {what}; {Describe(since)}");

    /// <summary>A short account of the attempts since a moment, for a failure message.</summary>
    public string Describe(DateTimeOffset since)
    {
        var list = StartedSince(since);
        var bySource = list.GroupBy(a => (a.Source?.ToString() ?? "none", a.Ok ? "ok" : a.Error ?? "failed"))
            .Select(g => $"{g.Key.Item1} {g.Key.Item2} ×{g.Count()}");
        return $"{list.Count} attempts since then: {string.Join(", ", bySource)}; prober {(_process.HasExited ? $"exited: {_process.ReadStderr().Trim()}" : "running")}";
    }

    private ProbeAttempt? FirstMatch(Func<ProbeAttempt, bool> match, DateTimeOffset since)
    {
        var all = Attempts();
        var first = all.Where(a => a.Start >= since && match(a)).MinBy(a => a.Seq);
        if (first is null) return null;
        // Seq numbers count from 1 in start order: it is the earliest only once every attempt before it has finished.
        return all.Count(a => a.Seq < first.Seq) == first.Seq - 1 ? first : null;
    }

    public void Dispose() => _process.Dispose();
}
