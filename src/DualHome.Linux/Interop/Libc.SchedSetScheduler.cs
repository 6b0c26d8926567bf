using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>sched_setscheduler(2) with pid 0: the calling thread. <paramref name="priority"/> is struct
    /// sched_param, whose only field is sched_priority (an int).</summary>
    [LibraryImport(LibraryName, EntryPoint = "sched_setscheduler", SetLastError = true)]
    internal static partial int SchedSetScheduler(int pid, int policy, ref int priority);
}
