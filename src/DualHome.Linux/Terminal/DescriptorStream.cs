using System.Runtime.InteropServices;
using DualHome.Linux.Interop;
using Microsoft.Win32.SafeHandles;

namespace DualHome.Linux.Terminal;

/// <summary>
/// A stream over an inherited descriptor (stdin, stdout, a serial line) with plain read(2) and write(2).
/// Not FileStream: on a regular file (<c>console &lt; cmds &gt; out</c>) it uses pread/pwrite at its own
/// offset and never moves the shared one, so the shell's next write lands over the console's output. Not
/// System.Console: on a terminal it sets its own modes and writes terminfo escapes. The descriptor is not
/// closed by Dispose; its owner closes it. Reads block (async reads run on the thread pool).
/// </summary>
public sealed class DescriptorStream(SafeFileHandle descriptor, FileAccess access) : Stream
{
    public override bool CanRead => access.HasFlag(FileAccess.Read);

    public override bool CanWrite => access.HasFlag(FileAccess.Write);

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>What one read(2) returns: at least one byte, or 0 at end of input.</summary>
    /// <exception cref="NativeErrorException">E.g. EIO: the terminal hung up.</exception>
    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            nint n;
            unsafe
            {
                fixed (byte* p = buffer)
                {
                    n = Libc.Read(descriptor, p, (nuint)buffer.Length);
                }
            }
            if (n >= 0 || Marshal.GetLastPInvokeError() != Errno.EINTR)
            {
                return n >= 0 ? (int)n : throw NativeErrorException.FromLastError("read");
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Writes all of <paramref name="buffer"/>: a terminal may take it in parts.</summary>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            nint n;
            unsafe
            {
                fixed (byte* p = buffer)
                {
                    n = Libc.Write(descriptor, p, (nuint)buffer.Length);
                }
            }
            if (n < 0 && Marshal.GetLastPInvokeError() != Errno.EINTR)
            {
                throw NativeErrorException.FromLastError("write");
            }
            buffer = buffer[(int)Math.Max(n, 0)..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(Task.Run(() => Read(buffer.Span), cancellationToken));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
