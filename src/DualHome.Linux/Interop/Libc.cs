namespace DualHome.Linux.Interop;

/// <summary>
/// glibc entry points, one per file (Libc.*.cs). "libc" is resolved by the runtime to the C library
/// (libc.so.6 on glibc); every call that sets errno is imported with SetLastError = true.
/// </summary>
internal static partial class Libc
{
    internal const string LibraryName = "libc";
}
