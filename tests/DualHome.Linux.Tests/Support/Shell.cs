using System.Diagnostics;

namespace DualHome.Linux.Tests.Support;

/// <summary>Runs a tool (ip, cat) to set up or check what the code under test did; a failure throws with stderr.</summary>
internal static class Shell
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string Run(string program, params string[] arguments)
    {
        var (exitCode, output, error) = TryRun(program, arguments);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {exitCode}: {error}");
    }

    public static (int ExitCode, string Output, string Error) TryRun(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(); // our own child, by its pid
            throw new TimeoutException($"{program} did not finish in {Timeout}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary><c>ip ARGS</c>.</summary>
    public static string Ip(params string[] arguments) => Run("ip", arguments);
}
