using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

internal static partial class Libc
{
    /// <summary>syscall(2), for bpf(2), which glibc does not wrap. Integer arguments only: on x86-64 and AArch64
    /// Linux a variadic call passes them in the same registers as a fixed one.</summary>
    [LibraryImport(LibraryName, EntryPoint = "syscall", SetLastError = true)]
    internal static unsafe partial nint Syscall(nint number, nint argument1, void* argument2, nint argument3);
}
