using System.Collections.Concurrent;
using System.Diagnostics;
using DualHome.Testbed.Router;

namespace DualHome.Testbed;

/// <summary>How to build a <see cref="Site"/>.</summary>
public sealed record SiteOptions
{
    /// <summary>The router to run; default from <c>DUALHOME_ROUTER</c> (dualhomed unless it says <c>standin</c>).</summary>
    public RouterKind Router { get; init; } = RouterKinds.FromEnvironment();

    /// <summary>Keep the work directory (configs, logs, pcaps) after disposal; default from <c>DUALHOME_KEEP=1</c>.</summary>
    public bool KeepWorkDirectory { get; init; } = Environment.GetEnvironmentVariable("DUALHOME_KEEP") == "1";

    /// <summary>Who forwards in the router: "kernel" or "packet" (the daemon's AF_PACKET workers); default from
    /// <c>DUALHOME_DATAPLANE</c>, else kernel. Packet mode also turns the peers' offloads off (see Site.Build).</summary>
    public string DataPlane { get; init; } = Environment.GetEnvironmentVariable("DUALHOME_DATAPLANE") is "packet" ? "packet" : "kernel";

    /// <summary>Issue 10, the draft's own topology: two exit routers, one ISP each (router A in <see cref="Node.Router"/>,
    /// router B in <see cref="Node.RouterB"/>), and the host on a shared LAN, a bridge in <see cref="Node.Lan"/>.</summary>
    public bool TwoRouters { get; init; }

    /// <summary>Receives one line per command the site runs (tracing).</summary>
    public Action<string>? Log { get; init; }
}

/// <summary>
/// One dual-homed site in five fresh network namespaces (shared/notes/testbed.md): host, router, ISP A,
/// ISP B and "inet" with the server. Namespace names are unique per instance (<c>dh&lt;id&gt;-host</c> …);
/// interface names inside them are fixed (<see cref="Topology"/>). Nothing touches the root namespace.
/// Disposal kills every process the site started (by pid) and deletes its namespaces, also after a failed
/// build; <see cref="Owned"/> does the same at process exit for anything left.
/// </summary>
public sealed partial class Site : IAsyncDisposable, IDisposable
{
    private static readonly Dictionary<Node, string> Suffix = new()
    {
        [Node.Host] = "host", [Node.Router] = "rtr", [Node.IspA] = "ispa", [Node.IspB] = "ispb", [Node.Inet] = "inet",
        [Node.RouterB] = "rtrb", [Node.Lan] = "lan",
    };

    private readonly ConcurrentQueue<BackgroundProcess> _processes = new();
    private readonly ConcurrentQueue<string> _trace = new();
    private readonly List<string> _namespaces = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _disposed;

    private Site(string id, SiteOptions options)
    {
        Id = id;
        Options = options;
        WorkDirectory = Path.Combine(Path.GetTempPath(), $"dh{id}");
    }

    /// <summary>Short random id in every namespace name, e.g. 3f9a in dh3f9a-host.</summary>
    public string Id { get; }
    public SiteOptions Options { get; }

    /// <summary>Per-site temp folder: daemon config, socket, log, state, process output, pcaps.</summary>
    public string WorkDirectory { get; }

    public string Namespace(Node node) => $"dh{Id}-{Suffix[node]}";

    /// <summary>The commands run so far with their results (for a failure report).</summary>
    public IReadOnlyCollection<string> Trace => _trace;

    /// <summary>Builds the whole topology; on any failure tears down what was built and rethrows.</summary>
    public static async Task<Site> CreateAsync(SiteOptions? options = null, CancellationToken cancel = default)
    {
        Prerequisites.Ensure();
        var site = new Site(await FreeIdAsync(), options ?? new SiteOptions());
        try
        {
            Directory.CreateDirectory(site.WorkDirectory);
            await site.BuildAsync(cancel);
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="argv"/> inside a node's namespace (<c>ip netns exec</c>), capturing output and exit code.</summary>
    public async Task<CommandResult> ExecAsync(Node node, IReadOnlyList<string> argv, TimeSpan? timeout = null,
        string? stdin = null, CancellationToken cancel = default)
    {
        var result = await Command.RunAsync(["ip", "netns", "exec", Namespace(node), .. argv], timeout, stdin, cancel);
        Note($"{Suffix[node]}: {Command.Describe(argv)} → {(result.TimedOut ? "timeout" : result.ExitCode.ToString())}" +
             (result.Ok ? "" : $" {result.Stderr.Trim()}"));
        return result;
    }

    public Task<CommandResult> ExecAsync(Node node, params string[] argv) => ExecAsync(node, argv, null);

    /// <summary>Like <see cref="ExecAsync(Node, string[])"/> but throws unless the command exits 0.</summary>
    public async Task<CommandResult> ExecCheckedAsync(Node node, params string[] argv) =>
        (await ExecAsync(node, argv, null)).EnsureSuccess();

    /// <summary>Starts a long-running process in a node's namespace; output goes to &lt;work&gt;/&lt;name&gt;.stdout/.stderr.</summary>
    public BackgroundProcess StartBackground(string name, Node node, IReadOnlyList<string> argv)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var p = BackgroundProcess.Start(name, ["ip", "netns", "exec", Namespace(node), .. argv], WorkDirectory);
        _processes.Enqueue(p);
        Note($"{Suffix[node]}: started {name} pid {p.Pid}: {Command.Describe(argv)}");
        return p;
    }

    internal void Note(string line)
    {
        line = $"[{_clock.Elapsed.TotalSeconds,7:0.000}s] {line}";
        _trace.Enqueue(line);
        while (_trace.Count > 2000) _trace.TryDequeue(out _);
        Options.Log?.Invoke(line);
    }

    private static async Task<string> FreeIdAsync()
    {
        var existing = (await Command.RunAsync("ip", "netns", "list")).Stdout;
        for (var i = 0; i < 100; i++)
        {
            var id = Random.Shared.Next(0x10000).ToString("x4");
            if (!existing.Contains($"dh{id}-") && !Directory.Exists(Path.Combine(Path.GetTempPath(), $"dh{id}"))) return id;
        }
        throw new TestbedException("no free site id");
    }

    /// <summary>Graceful teardown: SIGTERM to the router (short grace), then kill everything by pid, delete namespaces.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Router is { IsRunning: true } r) await r.Process.StopAsync(TimeSpan.FromSeconds(3));
        if (RouterB is { IsRunning: true } b) await b.Process.StopAsync(TimeSpan.FromSeconds(3));
        Dispose();
    }

    /// <summary>Immediate teardown (safe from Ctrl-C and process-exit handlers): SIGKILL by pid, delete namespaces.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        var errors = new List<Exception>();
        while (_processes.TryDequeue(out var p)) Try(p.Dispose, errors);
        List<string> names;
        lock (_namespaces) names = [.. _namespaces];
        foreach (var ns in names) Try(() => Owned.DeleteNamespace(ns), errors);
        if (!Options.KeepWorkDirectory) Try(() => Directory.Delete(WorkDirectory, recursive: true), errors);
        if (errors.Count > 0) throw new AggregateException("site teardown was incomplete", errors);
    }

    /// <summary>Runs one teardown step; a failure is collected so that every other step still runs.</summary>
    private static void Try(Action step, List<Exception> errors)
    {
        try
        {
            step();
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (Exception e)
        {
            errors.Add(e);
        }
    }
}
