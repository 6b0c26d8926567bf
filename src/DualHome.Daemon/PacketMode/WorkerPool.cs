using DualHome.Config;
using DualHome.DataPlane.Engine;
using DualHome.DataPlane.Forwarding;
using DualHome.Linux.Packet;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.PacketMode;

/// <summary>
/// The forwarding threads. Each opens its own socket per port on its own thread (a socket and its rings belong to
/// one thread, see PacketSocket) and closes them there; with more than one worker the sockets of a port join one
/// PACKET_FANOUT group in hash mode, so a flow always lands on the same worker and stays in order.
/// </summary>
public sealed class WorkerPool : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Thread> _threads = [];
    private readonly List<ForwardingWorker> _workers = [];

    private WorkerPool(DataPlaneConfig settings) => Settings = settings;

    public IReadOnlyList<ForwardingWorker> Workers => _workers;

    /// <summary>What the workers were started with (show counters repeats it: the bench and users check it there).</summary>
    public DataPlaneConfig Settings { get; }

    /// <summary>Returns once every worker has its sockets; throws the first worker's open error.</summary>
    /// <param name="settings">Workers, their SCHED_FIFO priority (0 = ordinary), ring depth and coalescing.</param>
    public static WorkerPool Start(Forwarder forwarder, IReadOnlyList<PortFacts> ports, DataPlaneConfig settings,
        INeighborResolver resolver, ILogger log)
    {
        var pool = new WorkerPool(settings);
        try
        {
            for (int i = 0; i < settings.Workers; i++)
                pool.StartWorker(i, forwarder, ports, settings, resolver, log);
            return pool;
        }
        catch
        {
            pool.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var thread in _threads) thread.Join(TimeSpan.FromSeconds(2)); // a pass waits 100 ms at most
        _stop.Dispose();
    }

    private void StartWorker(int id, Forwarder forwarder, IReadOnlyList<PortFacts> ports, DataPlaneConfig settings,
        INeighborResolver resolver, ILogger log)
    {
        var opened = new TaskCompletionSource<ForwardingWorker>(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = _stop.Token;
        var thread = new Thread(() =>
        {
            Schedule(id, settings, log);
            Run(id, forwarder, ports, settings, resolver, log, opened, token);
        })
        {
            IsBackground = true,
            Name = $"forwarder {id}",
        };
        thread.Start();
        _threads.Add(thread);
        _workers.Add(opened.Task.GetAwaiter().GetResult());
    }

    private static void Run(int id, Forwarder forwarder, IReadOnlyList<PortFacts> ports, DataPlaneConfig settings,
        INeighborResolver resolver, ILogger log, TaskCompletionSource<ForwardingWorker> opened, CancellationToken stop)
    {
        var rings = new List<RingPort>();
        try
        {
            for (int p = 0; p < ports.Count; p++)
                rings.Add(RingPort.Open(ports[p].Name, settings.Workers > 1 ? Fanout(p) : null, settings));
            var worker = new ForwardingWorker(forwarder, new RingIo(rings), resolver, TimeProvider.System, nap: settings.Coalesce);
            opened.SetResult(worker);
            RunResilient(id, worker, log, stop);
        }
        catch (Exception e) when (!opened.Task.IsCompleted)
        {
            opened.SetException(e);
        }
        finally
        {
            foreach (var ring in rings) ring.Dispose();
        }
    }

    /// <summary>A socket error the rings do not absorb (the interface vanished) pauses the worker instead of killing
    /// the router; frames of the other ports wait in their rings meanwhile.</summary>
    private static void RunResilient(int id, ForwardingWorker worker, ILogger log, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try { worker.Run(stop); }
            catch (IOException e)
            {
                DataPlaneLog.WorkerError(log, id, e.Message);
                stop.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    /// <summary>README "Packet mode": a real-time worker runs the moment frames arrive (p50 latency 151 → 29 µs in the
    /// bench); without the privilege it forwards anyway, at ordinary priority, and says so. A coalescing worker's
    /// naps get a 1 µs timer slack: the default 50 µs would double a 50 µs nap.</summary>
    private static void Schedule(int id, DataPlaneConfig settings, ILogger log)
    {
        Pin(id, settings, log);
        if (settings.CoalesceMicroseconds > 0 && DualHome.Linux.ThreadScheduling.TrySetTimerSlack(TimerSlack) is not 0 and var slackError)
            DataPlaneLog.TimerSlackRefused(log, id, slackError);
        int priority = settings.RealtimePriority;
        if (priority <= 0) return;
        int error = DualHome.Linux.ThreadScheduling.TrySetRealtime(priority);
        if (error == 0) DataPlaneLog.Realtime(log, id, priority);
        else DataPlaneLog.RealtimeRefused(log, id, priority, error);
    }

    /// <summary>README "Packet mode": a worker pinned away from the CPU that receives the frames is not pulled onto it
    /// at each wake-up (the scheduler's wake-affine placement), where it would queue behind that CPU's softirq work.</summary>
    private static void Pin(int id, DataPlaneConfig settings, ILogger log)
    {
        if (settings.CpuOf(id) is not { } cpu) return;
        int error = DualHome.Linux.ThreadScheduling.TrySetAffinity(cpu);
        if (error == 0) DataPlaneLog.Pinned(log, id, cpu);
        else DataPlaneLog.PinRefused(log, id, cpu, error);
    }

    private static readonly TimeSpan TimerSlack = TimeSpan.FromMicroseconds(1);

    /// <summary>One group per port, unique in the namespace (the kernel refuses to mix devices in a group).</summary>
    private static PacketFanout Fanout(int port) =>
        new((ushort)(((Environment.ProcessId & 0xfff) << 4) | port), FanoutMode.Hash);
}
