using System.Diagnostics;

namespace DualHome.Testbed;

/// <summary>
/// A long-running process this testbed started (daemon, tcpdump, socat server, radvd). Its stdout and
/// stderr go straight to files (the shell redirects, then execs, so the pid is the program's own pid:
/// <c>sh -c exec</c> → <c>ip netns exec</c> → program). It is tracked by pid in <see cref="Owned"/>
/// until it exits, and is only ever signalled by that pid.
/// </summary>
public sealed class BackgroundProcess : IDisposable
{
    private readonly Process _process;
    private int _disposed;
    private int? _exitCode;

    private BackgroundProcess(string name, Process process, string stdoutPath, string stderrPath, DateTimeOffset startedAt, IReadOnlyList<string> argv)
    {
        Name = name;
        _process = process;
        StdoutPath = stdoutPath;
        StderrPath = stderrPath;
        StartedAt = startedAt;
        Argv = argv;
        Pid = process.Id;
    }

    public string Name { get; }
    public int Pid { get; }
    public string StdoutPath { get; }
    public string StderrPath { get; }
    public IReadOnlyList<string> Argv { get; }

    /// <summary>Wall clock (CLOCK_REALTIME) read just before the process was started.</summary>
    public DateTimeOffset StartedAt { get; }

    public bool HasExited => _disposed != 0 || _process.HasExited;

    /// <summary>The exit code once it has exited (128 + signal when a signal ended it), else null.</summary>
    public int? ExitCode
    {
        get
        {
            if (_disposed == 0 && _process.HasExited) _exitCode ??= _process.ExitCode;
            return _exitCode;
        }
    }

    public static BackgroundProcess Start(string name, IReadOnlyList<string> argv, string directory)
    {
        var stdout = Path.Combine(directory, $"{name}.stdout");
        var stderr = Path.Combine(directory, $"{name}.stderr");
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("exec \"$@\" </dev/null >\"$DH_STDOUT\" 2>\"$DH_STDERR\"");
        psi.ArgumentList.Add(name);
        foreach (var a in argv) psi.ArgumentList.Add(a);
        psi.Environment["DH_STDOUT"] = stdout;
        psi.Environment["DH_STDERR"] = stderr;
        var startedAt = DateTimeOffset.UtcNow;
        var process = Process.Start(psi) ?? throw new TestbedException($"could not start {name}");
        Owned.Track(process);
        return new BackgroundProcess(name, process, stdout, stderr, startedAt, argv);
    }

    /// <summary>Sends a signal by pid (<c>kill -SIG pid</c>) if the process is still running.</summary>
    public async Task SignalAsync(string signal)
    {
        if (HasExited) return;
        await Command.RunAsync(["kill", $"-{signal}", Pid.ToString()], TimeSpan.FromSeconds(5));
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            Owned.Untrack(Pid);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Signals (TERM by default), waits up to <paramref name="grace"/>, then kills. Returns how it ended.</summary>
    public async Task<StopResult> StopAsync(TimeSpan grace, string signal = "TERM")
    {
        var clock = Stopwatch.StartNew();
        if (HasExited) return new StopResult(ExitCode, clock.Elapsed, TimedOut: false);
        await SignalAsync(signal);
        if (await WaitForExitAsync(grace)) return new StopResult(ExitCode, clock.Elapsed, TimedOut: false);
        Kill();
        return new StopResult(null, clock.Elapsed, TimedOut: true);
    }

    /// <summary>SIGKILL by pid and reap.</summary>
    public void Kill()
    {
        if (_disposed != 0) return;
        try
        {
            if (!_process.HasExited) _process.Kill();
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        Owned.Untrack(Pid);
    }

    public string ReadStdout() => ReadShared(StdoutPath);
    public string ReadStderr() => ReadShared(StderrPath);

    internal static string ReadShared(string path)
    {
        if (!File.Exists(path)) return "";
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    public void Dispose()
    {
        Kill();
        _ = ExitCode;
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _process.Dispose();
    }
}

/// <summary>How a stopped process ended: its exit code (null when it had to be killed) and how long it took.</summary>
public sealed record StopResult(int? ExitCode, TimeSpan Elapsed, bool TimedOut);
