using System.Text;

namespace DualHome.Control.Console;

/// <summary>
/// Cuts bytes read from a pipe into lines at LF (a CR before it is dropped), for the console without a
/// terminal. A line longer than the editor's limit is cut there, so input without newlines cannot grow
/// memory without bound.
/// </summary>
public sealed class PlainLines
{
    private readonly List<byte> _pending = [];

    /// <summary>The lines that <paramref name="bytes"/> completed, in order.</summary>
    public IReadOnlyList<string> Feed(ReadOnlySpan<byte> bytes)
    {
        var lines = new List<string>();
        foreach (var b in bytes)
        {
            if (b == '\n' || _pending.Count == LineEditor.MaxLineLength)
            {
                lines.Add(Take());
            }
            if (b != '\n')
            {
                _pending.Add(b);
            }
        }
        return lines;
    }

    /// <summary>At end of input: the last line, when it had no newline.</summary>
    public string? Finish() => _pending.Count > 0 ? Take() : null;

    private string Take()
    {
        var line = Encoding.UTF8.GetString([.. _pending]).TrimEnd('\r');
        _pending.Clear();
        return line;
    }
}
