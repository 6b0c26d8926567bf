using System.Text;
using DualHome.Control.Console;

namespace DualHome.Control.Tests.Console;

/// <summary>
/// Types into a <see cref="LineEditor"/> as a terminal would (one byte per char; "\x1b[A" is an arrow key) and
/// keeps what it echoed and the lines it finished. Every output is checked for ESC: the editor must work on
/// a dumb terminal.
/// </summary>
internal sealed class EditorDriver
{
    public EditorDriver(Func<string, IReadOnlyList<string>>? valuesOf = null, int width = LineEditor.DefaultWidth) =>
        Editor = new LineEditor("dualhome> ", new Completer(valuesOf), new CommandHistory(), width);

    public LineEditor Editor { get; }

    public List<string> Lines { get; } = [];

    public bool Ended { get; private set; }

    /// <summary>Starts a line (prints the prompt) and returns the driver, output cleared.</summary>
    public EditorDriver Begin()
    {
        Editor.BeginLine();
        Take();
        return this;
    }

    /// <summary>Feeds <paramref name="keys"/>; returns what the editor echoed for them.</summary>
    public string Type(string keys)
    {
        foreach (var c in keys)
        {
            var e = Editor.Feed((byte)c);
            if (e.Kind == EditorEventKind.Line)
            {
                Lines.Add(e.Line);
            }
            Ended |= e.Kind == EditorEventKind.EndOfInput;
        }
        return Take();
    }

    /// <summary>Enters <paramref name="line"/> and starts the next one, as the session does.</summary>
    public void Enter(string line)
    {
        Type(line + "\r");
        Begin();
    }

    private string Take()
    {
        var bytes = Editor.TakeOutput();
        Assert.DoesNotContain((byte)0x1b, bytes);
        return Encoding.UTF8.GetString(bytes);
    }
}
