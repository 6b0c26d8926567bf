namespace DualHome.Control.Console;

/// <summary>What <c>help</c> prints: the commands (from the grammar) and the editing keys, laid out like a <c>?</c> listing.</summary>
public static class ConsoleHelp
{
    private static readonly HelpEntry[] Keys =
    [
        new("?", "what may follow the words typed so far"),
        new("Tab", "complete the word, or list what fits"),
        new("Ctrl-P Ctrl-N", "older / newer line from the history (the arrow keys work too)"),
        new("Backspace", "erase a character; Ctrl-W a word, Ctrl-U the line"),
        new("Ctrl-C", "abandon the line"),
        new("Ctrl-D", "leave, on an empty line (like exit)"),
    ];

    public static IReadOnlyList<string> Lines(int width) =>
    [
        "commands:",
        .. HelpListing.Format([.. CommandGrammar.Commands.Select(c => new HelpEntry(c.Word, c.Description))], width),
        "keys:",
        .. HelpListing.Format(Keys, width),
    ];
}
