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

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(); // our own child (ip netns exec execs trafgen in place), by pid
        }

        _process.WaitForExit();
        _process.Dispose();
        File.Delete(_config);
    }
}
