namespace DualHome.Control;

/// <summary>
/// One command for the daemon, as typed: <c>uplink a force-down</c> is Command "uplink", Args ["a", "force-down"].
/// On the wire: <c>{"command":"uplink","args":["a","force-down"]}</c> and a newline (see <see cref="ControlFraming"/>).
/// </summary>
public sealed record ControlRequest(string Command, IReadOnlyList<string> Args)
{
    /// <summary>Splits typed words: the first is the command, the rest its arguments.</summary>
    public static ControlRequest FromWords(IReadOnlyList<string> words)
    {
        ArgumentOutOfRangeException.ThrowIfZero(words.Count);
        return new ControlRequest(words[0], [.. words.Skip(1)]);
    }

    /// <summary>True when the arguments contain <paramref name="flag"/> (e.g. <c>--json</c>).</summary>
    public bool HasFlag(string flag) => Args.Contains(flag, StringComparer.Ordinal);

    public override string ToString() => Args.Count == 0 ? Command : $"{Command} {string.Join(' ', Args)}";
}
