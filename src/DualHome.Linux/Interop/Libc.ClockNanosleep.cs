using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    internal const int ClockMonotonic = 1;

    /// <summary>struct timespec on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>clock_nanosleep(2), relative: returns 0, or the error number (EINTR when a signal came).</summary>
    [LibraryImport(LibraryName, EntryPoint = "clock_nanosleep")]
    internal static unsafe partial int ClockNanosleep(int clock, int flags, TimeSpec* request, TimeSpec* remain);
}
