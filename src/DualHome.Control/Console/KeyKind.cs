namespace DualHome.Control.Console;

/// <summary>What a key (one byte, or an escape sequence) asks the line editor to do.</summary>
public enum KeyKind
{
    /// <summary>Nothing yet (inside an escape sequence, the LF of a CRLF) or a key the editor ignores.</summary>
    None,
    Char,
    Enter,
    Erase,
    EraseWord,
    KillLine,
    Interrupt,
    EndOfInput,
    Complete,
    Older,
    Newer,
    Redraw,
}

/// <summary>One decoded key; <see cref="Char"/> is set for <see cref="KeyKind.Char"/>.</summary>
public readonly record struct Key(KeyKind Kind, char Char = '\0');
