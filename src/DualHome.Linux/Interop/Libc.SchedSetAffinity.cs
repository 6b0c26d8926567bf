using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>sched_setaffinity(2) with pid 0: the calling thread. <paramref name="mask"/> is a cpu_set_t.</summary>
    [LibraryImport(LibraryName, EntryPoint = "sched_setaffinity", SetLastError = true)]
    internal static unsafe partial int SchedSetAffinity(int pid, nuint maskBytes, ulong* mask);
}
