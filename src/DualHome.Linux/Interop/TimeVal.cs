using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>struct timeval: two longs (native word size on the LP64 targets).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TimeVal
{
    public nint Seconds;
    public nint Microseconds;

    public static TimeVal From(TimeSpan span) => new()
    {
        Seconds = (nint)(span.Ticks / TimeSpan.TicksPerSecond),
        Microseconds = (nint)(span.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond),
    };
}
