using System.Collections.Concurrent;
using System.Diagnostics;

namespace DualHome.Testbed;

/// <summary>
/// Everything this process created: namespaces (by name) and processes (by pid). The sweep at process
/// exit touches only these — never a <c>dh*</c> namespace that another run or another agent made.
/// </summary>
public static class Owned
{
    private static readonly ConcurrentDictionary<string, byte> Namespaces = new();
    private static readonly ConcurrentDictionary<int, Process> Processes = new();
    private static int _hooked;

    public static void TrackNamespace(string name)
    {
        Hook();
        Namespaces.TryAdd(name, 0);
    }

    public static void UntrackNamespace(string name) => Namespaces.TryRemove(name, out _);

    public static bool OwnsNamespace(string name) => Namespaces.ContainsKey(name);

    public static IReadOnlyCollection<string> NamespaceNames => Namespaces.Keys.ToArray();

    internal static void Track(Process p)
    {
        Hook();
        Processes.TryAdd(p.Id, p);
    }

    internal static void Untrack(int pid) => Processes.TryRemove(pid, out _);

    /// <summary>Kills every tracked process by pid, then deletes every tracked namespace. Safe to call twice.</summary>
    public static void SweepAll()
    {
        foreach (var (pid, p) in Processes.ToArray())
        {
            try
            {
                if (!p.HasExited) p.Kill();
                p.WaitForExit(2000);
            }
            catch (InvalidOperationException)
            {
            }
            Processes.TryRemove(pid, out _);
        }
        foreach (var name in Namespaces.Keys.ToArray()) DeleteNamespace(name);
    }

    /// <summary>Deletes a namespace this process created; refuses any other name.</summary>
    internal static void DeleteNamespace(string name)
    {
        if (!OwnsNamespace(name)) throw new TestbedException($"refusing to delete namespace {name}: not created by this process");
        KillStragglers(name);
        Run("ip", "netns", "delete", name);
        UntrackNamespace(name);
    }

    /// <summary>
    /// Kills, by pid, processes still inside a namespace this process created (<c>ip netns pids</c>): children
    /// that outlived the process we started (e.g. a daemon's helper), which would otherwise keep running
    /// after the namespace name is gone.
    /// </summary>
    private static void KillStragglers(string name)
    {
        foreach (var line in Run("ip", "netns", "pids", name).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(line.Trim(), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                using var p = Process.GetProcessById(pid);
                p.Kill();
                p.WaitForExit(2000);
            }
            catch (ArgumentException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }
    }

    private static string Run(params string[] argv)
    {
        using var p = Process.Start(new ProcessStartInfo(argv[0], argv[1..])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        });
        if (p is null) return "";
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit(10_000);
        return output;
    }

    private static void Hook()
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => SweepAll();
    }
}
