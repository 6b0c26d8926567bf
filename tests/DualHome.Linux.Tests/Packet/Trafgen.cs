using System.Diagnostics;
using System.Net.NetworkInformation;

namespace DualHome.Linux.Tests.Packet;

/// <summary><c>ip netns exec G trafgen</c> with one 64-byte frame, one CPU, killed by pid on Dispose.</summary>
internal sealed class Trafgen : IDisposable
{
    private readonly Process _process;
    private readonly string _config;

    private Trafgen(Process process, string config)
    {
        _process = process;
        _config = config;
    }

    public static Trafgen Start(string netns, string device, PhysicalAddress to, PhysicalAddress from)
    {
        var config = Path.Combine(Path.GetTempPath(), $"dhpkt-{Guid.NewGuid():N}.cfg");
        var frame = TestFrames.Udp(to, from, 0, 0, 1000, 64);
        File.WriteAllText(config, "{ " + string.Join(", ", frame.Select(b => $"0x{b:x2}")) + " }\n");
        var start = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // -n bounds the count even if Dispose never ran; the long options (0.6.8 rejects -A and -Q) leave global socket memory and IRQ affinity alone.
        foreach (var argument in new[] { "netns", "exec", netns, "trafgen", "--dev", device, "--conf", config, "--cpus", "1", "-n", "5000000", "--no-sock-mem", "--notouch-irq", "-C" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start trafgen");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return new Trafgen(process, config);
    }

    /// <summary>
    /// Stops trafgen gracefully (SIGINT: the parent stops its per-CPU workers), then kills whatever is left of it
    /// in the namespace by pid and waits until none is left. A worker killed abruptly while its TX ring still held
    /// frames, whose device then vanished with the namespace, was seen stuck for good in packet_release (state D).
    /// </summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // SIGINT to the parent alone does not stop its per-CPU workers (it waits for them): stop them first.
            foreach (var pid in WorkerPids().Where(pid => pid != _process.Id)) Signal("INT", pid);
            Signal("INT", _process.Id);
            if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
        KillLeftovers();
        File.Delete(_config);
    }

    private void KillLeftovers()
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        foreach (var pid in WorkerPids()) Signal("INT", pid);
        while (DateTime.UtcNow < deadline && WorkerPids().Count > 0) Thread.Sleep(50);
        foreach (var pid in WorkerPids()) Signal("KILL", pid);
    }

    /// <summary>trafgen workers are children of the process we started, re-parented once it exits: find them by
    /// their command line naming our own config file.</summary>
    private List<int> WorkerPids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid).Contains(_config, StringComparison.Ordinal))
            .ToList();

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline"); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}") { UseShellExecute = false, RedirectStandardError = true });
        kill?.WaitForExit();
    }
}
