namespace DualHome.Control.Console;

/// <summary>What <c>?</c> shows: the entries that may follow, or why nothing can (a word that fits nowhere).</summary>
public sealed record HelpResult(IReadOnlyList<HelpEntry> Entries, string? Problem)
{
    public static HelpResult Failed(string problem) => new([], problem);
}
