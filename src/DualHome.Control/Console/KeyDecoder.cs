namespace DualHome.Control.Console;

/// <summary>
/// Turns the bytes of a terminal in non-canonical mode into keys. Control keys are the classic ones every
/// terminal sends (Ctrl-H or DEL erase, Ctrl-U kill, Ctrl-P/Ctrl-N history); the arrow keys' escape sequences
/// (ESC [ A, and ESC O A in application mode; ECMA-48 CSI, parameters 0x30–0x3F, intermediates 0x20–0x2F,
/// final 0x40–0x7E) are understood when they come, and any other sequence is swallowed whole.
/// </summary>
public sealed class KeyDecoder
{
    private const byte Esc = 0x1b;
    private State _state;
    private bool _afterCr;

    private enum State
    {
        Ground,
        Escape,
        Sequence,
    }

    public Key Feed(byte b)
    {
        var afterCr = _afterCr;
        _afterCr = b == '\r';
        return _state switch
        {
            State.Escape => AfterEscape(b),
            State.Sequence => InSequence(b),
            _ => Ground(b, afterCr),
        };
    }

    private Key Ground(byte b, bool afterCr) => b switch
    {
        (byte)'\r' => new(KeyKind.Enter),
        (byte)'\n' => new(afterCr ? KeyKind.None : KeyKind.Enter), // CRLF is one Enter
        0x7f or 0x08 => new(KeyKind.Erase), // DEL (most terminals), Ctrl-H (some serial ones)
        0x17 => new(KeyKind.EraseWord), // Ctrl-W
        0x15 => new(KeyKind.KillLine), // Ctrl-U
        0x03 => new(KeyKind.Interrupt), // Ctrl-C
        0x04 => new(KeyKind.EndOfInput), // Ctrl-D
        0x09 => new(KeyKind.Complete), // Tab
        0x10 => new(KeyKind.Older), // Ctrl-P
        0x0e => new(KeyKind.Newer), // Ctrl-N
        0x0c => new(KeyKind.Redraw), // Ctrl-L
        Esc => Enter(State.Escape),
        >= 0x20 and < 0x7f => new(KeyKind.Char, (char)b),
        _ => new(KeyKind.None), // other controls, and bytes >= 0x80: the line is ASCII
    };

    /// <summary>After ESC: '[' (CSI) or 'O' (SS3) starts a sequence; anything else was a lone ESC, and counts as itself.</summary>
    private Key AfterEscape(byte b)
    {
        _state = State.Ground;
        return b is (byte)'[' or (byte)'O' ? Enter(State.Sequence) : Ground(b, afterCr: false);
    }

    private Key InSequence(byte b)
    {
        if (b is >= 0x20 and <= 0x3f)
        {
            return new(KeyKind.None); // parameters and intermediates
        }
        _state = State.Ground;
        return b switch
        {
            (byte)'A' => new(KeyKind.Older), // cursor up
            (byte)'B' => new(KeyKind.Newer), // cursor down
            _ => new(KeyKind.None), // right, left, home, function keys... and stray bytes end it too
        };
    }

    private Key Enter(State state)
    {
        _state = state;
        return new(KeyKind.None);
    }
}
