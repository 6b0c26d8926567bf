namespace DualHome.Control.Console;

public enum EditorEventKind
{
    /// <summary>The byte only edited the line (or was part of a key).</summary>
    None,

    /// <summary>Enter: <see cref="EditorEvent.Line"/> is complete; the editor waits for <see cref="LineEditor.BeginLine"/>.</summary>
    Line,

    /// <summary>Ctrl-D on an empty line: the user is leaving.</summary>
    EndOfInput,
}

/// <summary>What one input byte meant for the session.</summary>
public readonly record struct EditorEvent(EditorEventKind Kind, string Line = "")
{
    public static readonly EditorEvent None = new(EditorEventKind.None);

    public static readonly EditorEvent EndOfInput = new(EditorEventKind.EndOfInput);
}
