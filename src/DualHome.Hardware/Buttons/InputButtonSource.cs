using Microsoft.Extensions.Logging;

namespace DualHome.Hardware.Buttons;

/// <summary>A button that the kernel exposes as an input device (gpio-keys: the reset button of most router boards),
/// read as <see cref="InputEvent"/> records from <c>/dev/input/eventN</c> with a plain <see cref="FileStream"/> on a
/// background thread; the EV_KEY press/release of one key code is reported as an edge.</summary>
/// <remarks>A read on an input device blocks until the next event. <see cref="Dispose"/> stops reporting at once,
/// but the kernel read returns (and the descriptor closes) only at the next event or at process exit: the thread is a
/// background thread and never holds up the daemon's exit. A regular file (a recording) is read to its end.</remarks>
public sealed class InputButtonSource : IButtonSource
{
    private readonly Stream _stream;
    private readonly string _device;
    private readonly ushort _code;
    private readonly Action<bool> _onEdge;
    private readonly ILogger _log;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _disposed;
    private Thread? _reader;

    private InputButtonSource(string name, string device, Stream stream, ushort code, Action<bool> onEdge, ILogger log)
    {
        (Name, _device, _stream, _code, _onEdge, _log) = (name, device, stream, code, onEdge, log);
    }

    public string Name { get; }

    /// <summary>Completes when the reader stops (end of a recording, a read error, or disposal seen).</summary>
    public Task Finished => _finished.Task;

    /// <summary>Opens <paramref name="device"/>; a missing or unreadable device is a warning and a <see cref="NullButtonSource"/>.</summary>
    public static IButtonSource Open(string name, string device, ushort code, Action<bool> onEdge, ILogger log)
    {
        try
        {
            var stream = new FileStream(device, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            return new InputButtonSource(name, device, stream, code, onEdge, log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            HardwareLog.InputDeviceUnavailable(log, name, device, e.Message);
            return new NullButtonSource(name);
        }
    }

    /// <summary>For tests: reads records from any stream (e.g. one that returns a few bytes per read).</summary>
    internal static InputButtonSource FromStream(string name, Stream stream, ushort code, Action<bool> onEdge, ILogger log) =>
        new(name, "(stream)", stream, code, onEdge, log);

    public void Start()
    {
        if (_reader is not null) return;
        _reader = new Thread(Run) { IsBackground = true, Name = "dualhome-button" };
        _reader.Start();
    }

    public void Dispose()
    {
        _disposed = true;
        _stream.Dispose();
        if (_reader is null) _finished.TrySetResult();
    }

    /// <summary>Reads whole records; a read that ends mid-record (possible on a file) keeps the part for the next.</summary>
    private void Run()
    {
        var buffer = new byte[InputEvent.Size64 * 16];
        int kept = 0;
        try
        {
            while (!_disposed)
            {
                int n = _stream.Read(buffer, kept, buffer.Length - kept);
                if (n == 0) break; // end of a recording; an input device never returns 0
                kept = Dispatch(buffer.AsSpan(0, kept + n), buffer);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            if (!_disposed) HardwareLog.InputDeviceUnavailable(_log, Name, _device, e.Message);
        }
        finally
        {
            _finished.TrySetResult();
        }
    }

    /// <summary>Reports every complete record of <paramref name="data"/>; moves the incomplete rest to the front.</summary>
    private int Dispatch(ReadOnlySpan<byte> data, byte[] buffer)
    {
        int offset = 0;
        for (; offset + InputEvent.Size64 <= data.Length; offset += InputEvent.Size64)
        {
            if (_disposed) return 0;
            if (InputEvent.TryRead(data.Slice(offset, InputEvent.Size64), out var e) && e.KeyEdge(_code) is { } pressed)
                _onEdge(pressed);
        }
        int rest = data.Length - offset;
        data[offset..].CopyTo(buffer);
        return rest;
    }
}
