using System.Runtime.InteropServices;
using DualHome.Linux.Interop;

namespace DualHome.Linux;

/// <summary>Real-time scheduling for a forwarding thread: SCHED_FIFO runs it as soon as its ring has frames, ahead of
/// ordinary work, instead of after a scheduler tick (the ring then overflows in bursts). The kernel's RT throttling
/// (sched_rt_runtime_us, 95 % by default) still leaves the rest of the system some time if it ever spins.</summary>
public static class ThreadScheduling
{
    private const int SchedFifo = 1;

    /// <summary>Makes the calling thread SCHED_FIFO at <paramref name="priority"/> (1–99). Returns 0, or the errno
    /// (EPERM without CAP_SYS_NICE).</summary>
    public static int TrySetRealtime(int priority)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(priority, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(priority, 99);
        int param = priority;
        return Libc.SchedSetScheduler(0, SchedFifo, ref param) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Sleeps the calling thread for <paramref name="duration"/> on a high-resolution timer, waking early on
    /// a signal. Unlike poll(2) on a socket this arms no wake-up on the socket, so the CPU that receives frames
    /// meanwhile has no one to wake.</summary>
    public static unsafe void Nap(TimeSpan duration)
    {
        long ns = Math.Max(0, duration.Ticks * 100);
        var request = new Libc.TimeSpec { Seconds = ns / 1_000_000_000, Nanoseconds = ns % 1_000_000_000 };
        _ = Libc.ClockNanosleep(Libc.ClockMonotonic, 0, &request, null);
    }

    /// <summary>Sets the calling thread's timer slack (PR_SET_TIMERSLACK): ordinary threads get 50 µs, which would
    /// stretch every short <see cref="Nap"/>. Returns 0 or the errno.</summary>
    public static int TrySetTimerSlack(TimeSpan slack)
    {
        var ns = (nuint)Math.Max(1, slack.Ticks * 100);
        return Libc.Prctl(Libc.PrSetTimerSlack, ns, 0, 0, 0) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>The calling thread's timer slack (PR_GET_TIMERSLACK).</summary>
    public static TimeSpan TimerSlack() => TimeSpan.FromTicks(Libc.Prctl(Libc.PrGetTimerSlack, 0, 0, 0, 0) / 100);

    /// <summary>Pins the calling thread to <paramref name="cpu"/> (0–1023). Returns 0 or the errno (EINVAL for a CPU
    /// this machine does not have or may not use).</summary>
    public static unsafe int TrySetAffinity(int cpu)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cpu);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cpu, 1023);
        const int Words = 1024 / 64; // cpu_set_t: CPU_SETSIZE bits
        ulong* mask = stackalloc ulong[Words];
        new Span<ulong>(mask, Words).Clear();
        mask[cpu / 64] = 1UL << (cpu % 64);
        return Libc.SchedSetAffinity(0, Words * sizeof(ulong), mask) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }
}
