using DualHome.Linux.Interop;
using Microsoft.Win32.SafeHandles;
using static DualHome.Linux.Interop.TermiosConstants;

namespace DualHome.Linux.Terminal;

/// <summary>
/// A terminal switched to the console's raw mode (see <see cref="TermiosModes.Raw"/>) until Dispose puts its
/// saved settings back. Either the process's own terminal (<see cref="Enter"/>, the caller keeps the
/// descriptor) or a serial device opened at 115200 8N1 (<see cref="OpenSerial"/>, closed on Dispose).
/// Dispose may run twice (a using block and a process-exit handler); the second does nothing.
/// </summary>
public sealed class RawTerminal : IDisposable
{
    private readonly Termios _saved;
    private readonly bool _ownsHandle;
    private int _disposed;

    private RawTerminal(SafeFileHandle handle, Termios saved, bool ownsHandle) =>
        (Handle, _saved, _ownsHandle) = (handle, saved, ownsHandle);

    /// <summary>The terminal's descriptor, for reading and writing (e.g. through a FileStream).</summary>
    public SafeFileHandle Handle { get; }

    public static bool IsTerminal(SafeFileHandle handle) => Libc.IsATty(handle) == 1;

    /// <summary>The current settings of <paramref name="terminal"/>.</summary>
    /// <exception cref="NativeErrorException">Not a terminal (ENOTTY) or not open.</exception>
    public static TerminalMode ReadMode(SafeFileHandle terminal) => TerminalMode.From(Get(terminal));

    /// <summary>Switches <paramref name="terminal"/> (e.g. stdin) to raw mode; it is not closed on Dispose.</summary>
    /// <exception cref="NativeErrorException">Not a terminal, or its settings cannot be changed.</exception>
    public static RawTerminal Enter(SafeFileHandle terminal)
    {
        var saved = Get(terminal);
        Set(terminal, TermiosModes.Raw(saved));
        return new RawTerminal(terminal, saved, ownsHandle: false);
    }

    /// <summary>
    /// Opens <paramref name="device"/> (e.g. /dev/ttyS2) without making it the controlling terminal (so a hang-up
    /// on it does not signal this process), at 115200 8N1 in raw mode.
    /// </summary>
    /// <exception cref="NativeErrorException">It cannot be opened, or is not a terminal.</exception>
    public static RawTerminal OpenSerial(string device)
    {
        var fd = Libc.Open(device, O_RDWR | O_NOCTTY | O_CLOEXEC);
        var handle = fd >= 0 ? new SafeFileHandle(fd, ownsHandle: true) : throw NativeErrorException.FromLastError($"open({device})");
        try
        {
            if (!IsTerminal(handle))
            {
                throw new NativeErrorException($"open({device})", ENOTTY, "not a terminal");
            }
            var saved = Get(handle);
            Set(handle, TermiosModes.Serial(TermiosModes.Raw(saved)));
            return new RawTerminal(handle, saved, ownsHandle: true);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Puts the saved settings back (best effort: a terminal that hung up cannot take them) and closes an opened device.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        if (!Handle.IsClosed)
        {
            _ = Libc.TcSetAttr(Handle, TCSANOW, in _saved);
        }
        if (_ownsHandle)
        {
            Handle.Dispose();
        }
    }

    private static Termios Get(SafeFileHandle terminal) =>
        Libc.TcGetAttr(terminal, out var t) == 0 ? t : throw NativeErrorException.FromLastError("tcgetattr");

    /// <summary>TCSANOW: never waits for output to drain, which a stalled serial line or a gone pty would never let happen.</summary>
    private static void Set(SafeFileHandle terminal, in Termios t)
    {
        if (Libc.TcSetAttr(terminal, TCSANOW, in t) != 0)
        {
            throw NativeErrorException.FromLastError("tcsetattr");
        }
    }
}
