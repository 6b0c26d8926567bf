namespace DualHome.Control.Console;

/// <summary>
/// Lays out a <c>?</c> listing in two columns within the terminal's width, wrapping long descriptions at
/// spaces. No line reaches the last column: terminals disagree on where the cursor goes after it, and a
/// dumb one may wrap twice.
/// </summary>
public static class HelpListing
{
    private const string Indent = "  ";
    private const int Gap = 2;
    private const int MaxWordColumn = 14;
    private const int MinDescriptionWidth = 20;

    public static IReadOnlyList<string> Format(IReadOnlyList<HelpEntry> entries, int width)
    {
        var wordWidth = Math.Min(MaxWordColumn, entries.Select(e => e.Word.Length).DefaultIfEmpty(0).Max());
        var column = Indent.Length + wordWidth + Gap;
        var room = Math.Max(MinDescriptionWidth, width - 1 - column);
        var lines = new List<string>();
        foreach (var entry in entries)
        {
            var head = Indent + entry.Word;
            if (head.Length + Gap > column)
            {
                lines.Add(head); // a long word gets its own line; the description goes below, aligned
                head = "";
            }
            var first = true;
            foreach (var part in Wrap(entry.Description, room))
            {
                lines.Add(((first ? head : "").PadRight(column) + part).TrimEnd());
                first = false;
            }
        }
        return lines;
    }

    /// <summary>Splits <paramref name="text"/> into pieces of at most <paramref name="room"/> characters, at spaces where it can.</summary>
    internal static IEnumerable<string> Wrap(string text, int room)
    {
        var rest = text.Trim();
        do
        {
            if (rest.Length <= room)
            {
                yield return rest;
                yield break;
            }
            var cut = rest.LastIndexOf(' ', room);
            cut = cut > 0 ? cut : room; // one word longer than the room is cut where it must be
            yield return rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
        }
        while (rest.Length > 0);
    }
}
