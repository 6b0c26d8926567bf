using Microsoft.Win32.SafeHandles;
using DualHome.Linux.Interop;

namespace DualHome.Linux;

/// <summary>
/// A Unix file descriptor. The SafeHandle reference count keeps the descriptor open while a
/// system call uses it, so Dispose on another thread cannot close a descriptor mid-call
/// (and so cannot let a new descriptor reuse its number under a blocked recvmsg).
/// </summary>
public sealed class SafeFdHandle : SafeHandleMinusOneIsInvalid
{
    public SafeFdHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of a descriptor a system call just returned; -1 gives an invalid handle.</summary>
    internal static SafeFdHandle Own(int fd)
    {
        var handle = new SafeFdHandle();
        handle.SetHandle(fd);
        return handle;
    }

    /// <summary>The raw descriptor number, for logs only.</summary>
    public int Fd => (int)DangerousGetHandle();

    protected override bool ReleaseHandle() => Libc.Close((int)handle) == 0;
}
