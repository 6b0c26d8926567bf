using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>
    /// poll(2). Takes raw descriptors (struct pollfd has no room for a SafeHandle): callers hold a
    /// DangerousAddRef on each handle for the duration of the call.
    /// </summary>
    [LibraryImport(LibraryName, EntryPoint = "poll", SetLastError = true)]
    internal static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);
}
