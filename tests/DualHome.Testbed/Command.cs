using System.Diagnostics;
using System.Text;

namespace DualHome.Testbed;

/// <summary>What a finished command left: exit code, captured output, and whether it was cut by its timeout.</summary>
public sealed record CommandResult(IReadOnlyList<string> Argv, int ExitCode, string Stdout, string Stderr, bool TimedOut, TimeSpan Elapsed)
{
    public bool Ok => ExitCode == 0 && !TimedOut;

    public string CommandLine => string.Join(' ', Argv);

    /// <summary>Throws with the command line and its stderr unless the command exited 0 in time.</summary>
    public CommandResult EnsureSuccess()
    {
        if (Ok) return this;
        var why = TimedOut ? $"timed out after {Elapsed.TotalSeconds:0.0} s" : $"exited {ExitCode}";
        throw new TestbedException($"`{CommandLine}` {why}: {Stderr.Trim()} {Stdout.Trim()}".TrimEnd());
    }
}

public sealed class TestbedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Runs a short-lived command to completion with a timeout; a command that overruns is killed by its pid.</summary>
public static class Command
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static async Task<CommandResult> RunAsync(IReadOnlyList<string> argv, TimeSpan? timeout = null,
        string? stdin = null, CancellationToken cancel = default)
    {
        var psi = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in argv.Skip(1)) psi.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var p = Start(psi, argv);
        var stdout = p.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = p.StandardError.ReadToEndAsync(CancellationToken.None);
        await WriteStdinAsync(p, stdin);
        var timedOut = !await WaitAsync(p, timeout ?? DefaultTimeout, cancel);
        return new CommandResult(argv, timedOut ? -1 : p.ExitCode, await stdout, await stderr, timedOut, clock.Elapsed);
    }

    public static Task<CommandResult> RunAsync(params string[] argv) => RunAsync(argv, null);

    private static Process Start(ProcessStartInfo psi, IReadOnlyList<string> argv)
    {
        try
        {
            return Process.Start(psi) ?? throw new TestbedException($"could not start `{string.Join(' ', argv)}`");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new TestbedException($"could not start `{argv[0]}` ({e.Message}); is it installed? see Prerequisites", e);
        }
    }

    private static async Task WriteStdinAsync(Process p, string? stdin)
    {
        try
        {
            if (stdin is not null) await p.StandardInput.WriteAsync(stdin);
            p.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command exited without reading its input; its exit code tells the rest.
        }
    }

    /// <summary>Waits for exit; on timeout or cancellation kills the process (and its children) by pid.</summary>
    private static async Task<bool> WaitAsync(Process p, TimeSpan timeout, CancellationToken cancel)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        cts.CancelAfter(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await p.WaitForExitAsync(CancellationToken.None);
            cancel.ThrowIfCancellationRequested();
            return false;
        }
    }

    /// <summary>Quotes argv for a log line (not for a shell).</summary>
    public static string Describe(IEnumerable<string> argv)
    {
        var sb = new StringBuilder();
        foreach (var a in argv) sb.Append(sb.Length == 0 ? "" : " ").Append(a.Contains(' ') ? $"'{a}'" : a);
        return sb.ToString();
    }
}
