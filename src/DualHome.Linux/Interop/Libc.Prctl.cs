using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    internal const int PrSetTimerSlack = 29;
    internal const int PrGetTimerSlack = 30;

    /// <summary>prctl(2) with one argument (the other four zero, as the kernel requires for unused ones).</summary>
    [LibraryImport(LibraryName, EntryPoint = "prctl", SetLastError = true)]
    internal static partial int Prctl(int option, nuint argument2, nuint argument3, nuint argument4, nuint argument5);
}
