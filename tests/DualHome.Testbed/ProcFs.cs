namespace DualHome.Testbed;

/// <summary>Reading other processes through /proc: a process that has just exited (or is not ours to read) reads
/// as an empty command line.</summary>
public static class ProcFs
{
    /// <summary>The NUL-separated argv of <paramref name="pid"/>, or "" when it is gone or unreadable.</summary>
    public static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline"); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    /// <summary>Every process whose command line contains <paramref name="text"/> (e.g. a config file unique to one
    /// run: finds the workers a process forked even after they were re-parented).</summary>
    public static List<int> PidsWithCommandLineContaining(string text) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid).Contains(text, StringComparison.Ordinal))
            .ToList();
}
