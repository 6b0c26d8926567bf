using System.Diagnostics;
using DualHome.Testbed;
using DualHome.Testbed.Traffic;

namespace DualHome.Demo;

/// <summary>One trafgen run: rates measured mid-run (after start-up), totals from just before start to after the drain.</summary>
public sealed record FloodStep(long? RequestedPps, double OfferedPps, double ForwardedPps, long Offered, long Forwarded)
{
    /// <summary>trafgen counts as having reached a requested rate within this share (else the sender set the pace).</summary>
    public const double ReachedShare = 0.95;

    /// <summary>Share of the offered frames that never reached ISP A.</summary>
    public double Loss => Offered <= 0 ? 0 : Math.Max(0, 1 - (double)Forwarded / Offered);

    public bool Reached => RequestedPps is not { } r || OfferedPps >= ReachedShare * r;

    public bool Passed => Loss < ForwardingFlood.MaxLoss;

    /// <summary>The rate this step shows the router forwards under the loss limit: the rate asked for, or what trafgen reached.</summary>
    public double PassedPps => Reached && RequestedPps is { } r ? r : OfferedPps;
}

/// <summary>The paced steps of one mode and the run at trafgen's own top speed.</summary>
/// <param name="SenderLimited">The search ended because trafgen could not send faster, not on loss: the router's
/// limit is higher than <see cref="MaxPps"/>.</param>
public sealed record FloodResult(IReadOnlyList<FloodStep> Steps, FloodStep Unlimited, bool SenderLimited)
{
    /// <summary>Highest offered rate forwarded with loss under the limit (null when even the first step lost more).</summary>
    public double? MaxPps => Steps.Where(s => s.Passed).Select(s => (double?)s.PassedPps).Max();
}

/// <summary>
/// 64-byte UDP from the host through the router to ISP A, where a <see cref="FloodSink"/> counts and drops it. The
/// rate, paced by a <see cref="TokenBucket"/> on the host's eth0, goes up in steps of <see cref="StepPps"/> until
/// the loss reaches <see cref="MaxLoss"/> (then two halvings between the last pass and the failure) or trafgen
/// cannot send that fast; then one run without a limit (TX ring, no bucket). Offered = the host's eth0 tx packets
/// plus tx drops (a veth counts a frame the router's input queue refused as a tx drop of the sender: it is the
/// router's loss). Forwarded = the sink's counter.
/// </summary>
public sealed class ForwardingFlood(Site site, Reporter reporter, CancellationToken cancel)
{
    public const double MaxLoss = 0.001;
    private const long StepPps = 50_000;
    private const int MaxSteps = 20;
    private const int Halvings = 2;
    private const long UnlimitedBound = 20_000_000;
    private static readonly TimeSpan Warmup = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1500);
    private static readonly TimeSpan Drain = TimeSpan.FromMilliseconds(300);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<FloodStep> _steps = [];

    private readonly record struct Sample(double OfferedAt, long Offered, double ForwardedAt, long Forwarded);

    public async Task<FloodResult> RunAsync(IReadOnlyList<byte[]> frames)
    {
        await using var sink = await FloodSink.AddAsync(site, Isp.A);
        bool senderLimited;
        try
        {
            senderLimited = await SearchAsync(sink, frames);
        }
        finally
        {
            await TokenBucket.ClearAsync(site, Node.Host, Topology.HostLan);
        }
        var unlimited = await StepAsync(sink, frames, null);
        return new FloodResult(_steps, unlimited, senderLimited);
    }

    /// <summary>Steps up until a step fails; true when it ended because trafgen fell short of the rate without loss.</summary>
    private async Task<bool> SearchAsync(FloodSink sink, IReadOnlyList<byte[]> frames)
    {
        long passed = 0;
        for (var n = 1; n <= MaxSteps; n++)
        {
            var step = await PacedAsync(sink, frames, n * StepPps);
            if (step.Passed && !step.Reached) return true;
            if (!step.Passed) return await HalveAsync(sink, frames, passed, n * StepPps);
            passed = n * StepPps;
        }
        return false;
    }

    private async Task<bool> HalveAsync(FloodSink sink, IReadOnlyList<byte[]> frames, long passed, long failed)
    {
        for (var i = 0; i < Halvings; i++)
        {
            var middle = (passed + failed) / 2;
            var step = await PacedAsync(sink, frames, middle);
            if (step.Passed && !step.Reached) return true;
            if (step.Passed) passed = middle;
            else failed = middle;
        }
        return false;
    }

    /// <summary>A step at <paramref name="pps"/>; one that fell short of the rate without loss runs once more, and only
    /// the rerun counts: a short fall may be another process taking the sender's CPU for a moment, not trafgen's limit.</summary>
    private async Task<FloodStep> PacedAsync(FloodSink sink, IReadOnlyList<byte[]> frames, long pps)
    {
        await TokenBucket.SetAsync(site, Node.Host, Topology.HostLan, pps, frames[0].Length);
        var step = await StepAsync(sink, frames, pps);
        if (step.Reached || !step.Passed) return step;
        _steps.Remove(step);
        reporter.Plain("    trafgen fell short: once more, and only the rerun counts");
        return await StepAsync(sink, frames, pps);
    }

    private async Task<FloodStep> StepAsync(FloodSink sink, IReadOnlyList<byte[]> frames, long? rate)
    {
        var before = await SampleAsync(sink);
        Sample first, last;
        // The packet bound ends trafgen by itself should nobody stop it; at a fixed rate it is twice the run.
        var trafgen = rate is { } r
            ? Trafgen.Start(site, Node.Host, Topology.HostLan, frames, TrafgenPath.Sendto, r * 4)
            : Trafgen.Start(site, Node.Host, Topology.HostLan, frames, TrafgenPath.Ring, UnlimitedBound);
        await using (trafgen)
        {
            await Task.Delay(Warmup, cancel);
            first = await SampleAsync(sink);
            await Task.Delay(Window, cancel);
            last = await SampleAsync(sink);
            if (trafgen.HasExited) throw new TestbedException($"trafgen stopped early: {trafgen.ReadStderr().Trim()}");
        }
        await Task.Delay(Drain, cancel);
        var after = await SampleAsync(sink);
        var step = new FloodStep(rate,
            (last.Offered - first.Offered) / (last.OfferedAt - first.OfferedAt),
            (last.Forwarded - first.Forwarded) / (last.ForwardedAt - first.ForwardedAt),
            after.Offered - before.Offered, after.Forwarded - before.Forwarded);
        if (rate is not null) _steps.Add(step);
        Print(step);
        return step;
    }

    private void Print(FloodStep s)
    {
        var asked = s.RequestedPps is { } r ? $"{r / 1000.0,5:0.#} kpps" : "no limit";
        var note = s.Reached ? "" : " (trafgen below the rate asked)";
        reporter.Plain($"  64 B, {asked}: offered {s.OfferedPps / 1000,6:0.0} kpps, forwarded {s.ForwardedPps / 1000,6:0.0} kpps, " +
                       $"loss {s.Loss * 100:0.000} % ({s.Offered - s.Forwarded} of {s.Offered}){note}");
    }

    /// <summary>Each counter with the midpoint of its own read (a read spawns a process: ~10 ms).</summary>
    private async Task<Sample> SampleAsync(FloodSink sink)
    {
        var t0 = _clock.Elapsed.TotalSeconds;
        var host = await LinkCounters.ReadAsync(site, Node.Host, Topology.HostLan);
        var t1 = _clock.Elapsed.TotalSeconds;
        var forwarded = await sink.PacketsAsync();
        var t2 = _clock.Elapsed.TotalSeconds;
        return new Sample((t0 + t1) / 2, host.TxPackets + host.TxDropped, (t1 + t2) / 2, forwarded);
    }
}
