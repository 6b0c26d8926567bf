namespace DualHome.Control;

/// <summary>
/// Reads '\n'-terminated lines from a stream into a buffer that grows up to the line limit.
/// A returned line aliases the buffer and is valid until the next call.
/// </summary>
internal sealed class LineReader(Stream stream, int maxLineBytes)
{
    private const int InitialBuffer = 4096;
    private byte[] _buffer = new byte[Math.Min(InitialBuffer, maxLineBytes + 1)];
    private int _start;
    private int _end;
    private bool _endOfStream;

    public async ValueTask<LineRead> ReadLineAsync(CancellationToken cancel)
    {
        var scanned = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return TakeLine(scanned + newline, consumed: scanned + newline + 1);
            }
            scanned = _end - _start;
            if (scanned > maxLineBytes)
            {
                return LineRead.TooLong;
            }
            if (_endOfStream)
            {
                // A last line without its newline is still a line (printf '{...}' | socat).
                return scanned == 0 ? LineRead.EndOfStream : TakeLine(scanned, consumed: scanned);
            }
            MakeRoom();
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancel).ConfigureAwait(false);
            _endOfStream = read == 0;
            _end += read;
        }
    }

    private LineRead TakeLine(int length, int consumed)
    {
        var line = _buffer.AsMemory(_start, length);
        _start += consumed;
        if (!line.IsEmpty && line.Span[^1] == (byte)'\r')
        {
            line = line[..^1];
        }
        return new LineRead(LineReadKind.Line, line);
    }

    /// <summary>Moves the unread bytes to the front, and grows the buffer (up to limit + 1) when they fill it.</summary>
    private void MakeRoom()
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            (_start, _end) = (0, pending);
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, maxLineBytes + 1L));
        }
    }
}

internal enum LineReadKind
{
    Line,
    TooLong,
    EndOfStream,
}

internal readonly record struct LineRead(LineReadKind Kind, ReadOnlyMemory<byte> Line)
{
    public static LineRead TooLong => new(LineReadKind.TooLong, default);

    public static LineRead EndOfStream => new(LineReadKind.EndOfStream, default);
}
