using System.Globalization;
using System.Net;
using System.Text.Json;

namespace DualHome.Testbed.Traffic;

/// <summary>One iperf3 TCP run from the host (bound to a chosen source) to an iperf3 server on the server's address in inet.</summary>
public static class Iperf
{
    public const string Binary = "/usr/bin/iperf3";
    public const int Port = 5201; // iperf3's default
    private static int _runs;

    /// <summary>
    /// Received bits per second (the server's side of the sum: what got through) of a <paramref name="duration"/>
    /// run. The server serves this one test (<c>-1</c>) and is stopped by pid afterwards in any case.
    /// </summary>
    public static async Task<double> TcpBitsPerSecondAsync(Site site, IPAddress source, TimeSpan duration, CancellationToken cancel = default)
    {
        var server = site.StartBackground($"iperf3-server-{Interlocked.Increment(ref _runs)}", Node.Inet,
            [Binary, "-s", "-1", "-B", Topology.Server.ToString(), "-p", Port.ToString(CultureInfo.InvariantCulture)]);
        try
        {
            await Poll.UntilAsync(async () => server.HasExited ||
                    (await site.ExecAsync(Node.Inet, "ss", "-H", "-ltn", $"sport = :{Port}")).Stdout.Contains($":{Port}"),
                TimeSpan.FromSeconds(5), "the iperf3 server to listen", cancel: cancel);
            if (server.HasExited) throw new TestbedException($"iperf3 server exited: {server.ReadStderr().Trim()}");
            var seconds = ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var client = await site.ExecAsync(Node.Host,
                [Binary, "-c", Topology.Server.ToString(), "-p", Port.ToString(CultureInfo.InvariantCulture), "-B", source.ToString(), "-t", seconds, "-J"],
                duration + TimeSpan.FromSeconds(15), cancel: cancel);
            return ReceivedBitsPerSecond(client.EnsureSuccess().Stdout);
        }
        finally
        {
            await server.StopAsync(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary><c>end.sum_received.bits_per_second</c> of iperf3's JSON report.</summary>
    public static double ReceivedBitsPerSecond(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("end").GetProperty("sum_received").GetProperty("bits_per_second").GetDouble();
    }
}
