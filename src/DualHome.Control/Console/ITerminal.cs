namespace DualHome.Control.Console;

/// <summary>
/// Where the console talks to its user: a terminal or serial line, or plain pipes. The seam the tests
/// replace with a scripted one.
/// </summary>
public interface ITerminal
{
    /// <summary>
    /// True for a terminal in raw mode: the console echoes and edits the line itself and ends lines with
    /// CR LF. False for pipes: lines are read as they come, no prompt, no echo, LF.
    /// </summary>
    bool IsInteractive { get; }

    /// <summary>Reads what is available (at least one byte); 0 at end of input.</summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancel);

    ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancel);
}
