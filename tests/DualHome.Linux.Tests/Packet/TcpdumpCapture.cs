using System.Diagnostics;

namespace DualHome.Linux.Tests.Packet;

/// <summary>
/// <c>ip netns exec NS tcpdump -c N</c>, started and waited for by pid (and killed by pid if it overstays).
/// tcpdump prints "listening on" to stderr once its capture is open, so the test sends only after that.
/// </summary>
internal sealed class TcpdumpCapture : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;

    private TcpdumpCapture(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
    }

    public static TcpdumpCapture Start(string netns, string interfaceName, int count, string filter)
    {
        var start = new ProcessStartInfo("ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "netns", "exec", netns, "tcpdump", "-i", interfaceName, "-n", "-l", "-c", $"{count}", filter })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start tcpdump");
        var capture = new TcpdumpCapture(process);
        if (!capture.WaitUntilListening(TimeSpan.FromSeconds(10), out var said))
        {
            capture.Dispose();
            throw new InvalidOperationException($"tcpdump did not start: {said}");
        }

        return capture;
    }

    private bool WaitUntilListening(TimeSpan patience, out string said)
    {
        var clock = Stopwatch.StartNew();
        said = "";
        while (clock.Elapsed < patience)
        {
            var line = _process.StandardError.ReadLineAsync();
            if (!line.Wait(patience - clock.Elapsed) || line.Result is null)
            {
                return false;
            }

            said += line.Result + "\n";
            if (line.Result.Contains("listening on"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The number of packets tcpdump printed before it exited (after its count) or 5 s passed.</summary>
    public int WaitForPackets()
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            _process.Kill(); // our own child, by its pid
            _process.WaitForExit();
        }

        // One line per packet; unknown EtherTypes add indented hex-dump lines.
        return _output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(line => !char.IsWhiteSpace(line[0]));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
