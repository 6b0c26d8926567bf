using System.Diagnostics;
using DualHome.Linux.Packet;

namespace DualHome.Linux.Tests.Packet;

/// <summary>How <see cref="ForwardingWorker"/> sends: the three transmit paths the measures compare.</summary>
internal enum TxMode
{
    /// <summary>Nothing sent: the cost of the receive side alone.</summary>
    Drop,
    Ring,
    Sendmmsg,
    Sendto,
}

/// <summary>The forwarding loop in miniature: batch from the RX ring, rewrite the MACs in the copy, send per batch.</summary>
internal sealed class ForwardingWorker(
    PacketSocket rx, PacketSocket tx, TxMode mode, PacketBatchSender batch, byte[] nextHop, byte[] ownMac)
{
    public const int Batch = 64;

    public long Forwarded { get; private set; }

    public long TxFull { get; private set; }

    public double CpuSeconds { get; private set; }

    /// <summary>Passes through the loop that found at least one frame: frames per pass is the batch actually achieved.</summary>
    public long Passes { get; private set; }

    public void Run(TimeSpan window)
    {
        var thread = new Thread(() =>
        {
            var before = ThreadCpuSeconds();
            Loop(window);
            CpuSeconds = ThreadCpuSeconds() - before;
        })
        { IsBackground = true, Name = "forwarder" };
        thread.Start();
        thread.Join();
    }

    /// <summary>Field 1 of /proc/thread-self/schedstat: nanoseconds this thread ran on a CPU.</summary>
    internal static double ThreadCpuSeconds() =>
        long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0]) / 1e9;

    private void Loop(TimeSpan window)
    {
        var clock = Stopwatch.StartNew();
        Span<byte> copy = stackalloc byte[2048];
        while (clock.Elapsed < window)
        {
            if (!rx.Rx.Wait(TimeSpan.FromMilliseconds(10)))
            {
                continue;
            }

            Passes++;
            for (var n = 0; n < Batch && rx.Rx.TryNext(out var frame, out _); n++)
            {
                Forward(frame, copy);
                rx.Rx.Release();
            }

            Flush();
        }
    }

    private void Forward(ReadOnlySpan<byte> frame, Span<byte> copy)
    {
        if (mode == TxMode.Ring)
        {
            Enqueue(frame);
            return;
        }

        if (mode == TxMode.Drop)
        {
            Forwarded++; // "handled": the frame was read and released
            return;
        }

        frame.CopyTo(copy);
        Rewrite(copy);
        var sent = mode == TxMode.Sendto ? tx.Send(copy[..frame.Length]) : batch.TryWrite(copy[..frame.Length]);
        Forwarded += sent ? 1 : 0;
        TxFull += sent ? 0 : 1;
    }

    private void Flush()
    {
        if (mode == TxMode.Ring)
        {
            tx.Tx.Flush();
        }
        else if (mode == TxMode.Sendmmsg)
        {
            batch.Flush();
        }
    }

    private void Enqueue(ReadOnlySpan<byte> frame)
    {
        if (!tx.Tx.TryGetSlot(out var slot))
        {
            tx.Tx.Flush();
            if (!tx.Tx.TryGetSlot(out slot))
            {
                TxFull++;
                return;
            }
        }

        frame.CopyTo(slot);
        Rewrite(slot);
        tx.Tx.Commit(frame.Length);
        Forwarded++;
    }

    private void Rewrite(Span<byte> frame)
    {
        nextHop.CopyTo(frame);
        ownMac.CopyTo(frame[6..]);
    }
}
