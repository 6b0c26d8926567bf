using System.Text;
using DualHome.Control.Console;

namespace DualHome.Control.Tests.Console;

/// <summary>
/// A terminal whose input is given up front, as the chunks read(2) would return (one chunk per string), then
/// end of input. Keeps everything written, and checks that none of it holds an ESC byte.
/// </summary>
internal sealed class ScriptedTerminal(bool interactive, params string[] chunks) : ITerminal
{
    private readonly Queue<string> _chunks = new(chunks);
    private readonly List<byte> _written = [];

    public bool IsInteractive => interactive;

    public string Output => Encoding.UTF8.GetString([.. _written]);

    /// <summary>How many chunks were left unread when the session ended.</summary>
    public int Unread => _chunks.Count;

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancel)
    {
        if (!_chunks.TryDequeue(out var chunk))
        {
            return ValueTask.FromResult(0);
        }
        var bytes = Encoding.Latin1.GetBytes(chunk);
        Assert.True(bytes.Length <= buffer.Length, "a test chunk longer than the session's read buffer");
        bytes.CopyTo(buffer);
        return ValueTask.FromResult(bytes.Length);
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancel)
    {
        Assert.DoesNotContain((byte)0x1b, bytes.ToArray());
        _written.AddRange(bytes.ToArray());
        return ValueTask.CompletedTask;
    }
}
