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
}
