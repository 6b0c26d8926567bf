using System.Runtime.InteropServices;

namespace DualHome.Linux;

/// <summary>
/// A failed system call or kernel request, with the errno it returned. Thrown only at the interop
/// boundary so managed code above it sees one typed error instead of raw return codes.
/// </summary>
public sealed class NativeErrorException : IOException
{
    public NativeErrorException(string operation, int errno, string? detail = null)
        : base(Format(operation, errno, detail))
    {
        Operation = operation;
        Errno = errno;
        Detail = detail;
    }

    /// <summary>The call that failed, e.g. <c>setsockopt(IPV6_RECVHOPLIMIT)</c> or <c>RTM_NEWROUTE</c>.</summary>
    public string Operation { get; }

    /// <summary>The positive errno value (see <see cref="Linux.Errno"/> for names).</summary>
    public int Errno { get; }

    /// <summary>The kernel's extended-ACK text for netlink errors (NLMSGERR_ATTR_MSG), if it sent one.</summary>
    public string? Detail { get; }

    /// <summary>Wraps the errno left by the last <c>SetLastError = true</c> import.</summary>
    internal static NativeErrorException FromLastError(string operation) =>
        new(operation, Marshal.GetLastPInvokeError());

    private static string Format(string operation, int errno, string? detail)
    {
        var text = $"{operation} failed: {Linux.Errno.Name(errno)} ({errno})";
        return detail is null ? text : $"{text}: {detail}";
    }
}
