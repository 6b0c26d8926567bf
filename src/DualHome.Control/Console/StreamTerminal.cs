namespace DualHome.Control.Console;

/// <summary>A terminal over two streams (a tty's descriptors, or stdin/stdout pipes); each write is flushed at once.</summary>
public sealed class StreamTerminal(Stream input, Stream output, bool interactive) : ITerminal
{
    public bool IsInteractive => interactive;

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancel) => input.ReadAsync(buffer, cancel);

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancel)
    {
        await output.WriteAsync(bytes, cancel).ConfigureAwait(false);
        await output.FlushAsync(cancel).ConfigureAwait(false);
    }
}
