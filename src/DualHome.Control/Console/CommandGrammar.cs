using static DualHome.Control.Console.GrammarNode;

namespace DualHome.Control.Console;

/// <summary>
/// The commands the console knows, as a tree of words: what <c>?</c> and Tab offer, and what lets the console
/// refuse an unknown first word without asking the daemon. Only the first word is checked here: the daemon
/// validates the rest, so a newer daemon's arguments are not refused by an older table.
/// </summary>
public static class CommandGrammar
{
    /// <summary>Commands the console answers itself; the daemon never sees them.</summary>
    public static readonly IReadOnlySet<string> LocalCommands = new HashSet<string>(StringComparer.Ordinal) { "help", "exit", "quit" };

    public static IReadOnlyList<GrammarNode> Commands { get; } =
    [
        Keyword("show", "show the router's state",
            Keyword("status", "uplinks: health, advertised state, override, counters",
                Keyword("--json", "the same as a JSON document")).OrEnd(),
            Keyword("uplinks", "the uplinks, one line each"),
            Keyword("config", "the running configuration"),
            Keyword("counters", "RA engine and probe counters, drops by reason"),
            Keyword("log", "the last lines of the log",
                Placeholder("N", "how many lines")).OrEnd()),
        Keyword("uplink", "override an uplink's health",
            Placeholder("NAME", "the uplink's name",
                Keyword("force-down", "deprecate its prefix whatever its health"),
                Keyword("force-up", "advertise its prefix whatever its health"),
                Keyword("auto", "follow its health again"))),
        Keyword("button", "do what a press of the board's button does",
            Keyword("short", "switch to the other ISP"),
            Keyword("hold3", "all uplinks back to automatic"),
            Keyword("hold10", "factory reset")),
        Keyword("set", "change a setting in the candidate configuration",
            Placeholder("KEY", "a setting, e.g. Lan:Ra:Mtu or Uplinks:0:Gateway",
                Placeholder("VALUE", "its new value (\"quoted\" when it holds spaces)"))),
        Keyword("unset", "remove a setting from the candidate configuration",
            Placeholder("KEY", "a setting, e.g. Lan:Dns:1")),
        Keyword("diff", "the candidate configuration's changes to the running one"),
        Keyword("commit", "apply the candidate configuration"),
        Keyword("save", "write the running configuration to flash"),
        Keyword("discard", "drop the candidate's changes"),
        Keyword("rollback", "go back to the configuration before the last commit"),
        Keyword("help", "the commands and the editing keys"),
        Keyword("exit", "leave the console"),
        Keyword("quit", "leave the console"),
    ];

    /// <summary>The grammar position after <paramref name="words"/>; null with the index of the first word that fits nowhere.</summary>
    public static GrammarPosition? Follow(IReadOnlyList<string> words, out int unmatched)
    {
        var position = new GrammarPosition(Commands, CanEnd: false);
        for (var i = 0; i < words.Count; i++)
        {
            // A keyword wins over a placeholder beside it, so "show log" is never read as a NAME.
            var node = position.Next.FirstOrDefault(n => !n.IsPlaceholder && n.Matches(words[i]))
                ?? position.Next.FirstOrDefault(n => n.IsPlaceholder);
            if (node is null)
            {
                unmatched = i;
                return null;
            }
            position = new GrammarPosition(node.Next, node.CanEnd);
        }
        unmatched = -1;
        return position;
    }

    /// <summary>Why the console refuses <paramref name="words"/> before sending them, or null to send them.</summary>
    public static string? Check(IReadOnlyList<string> words) =>
        words.Count > 0 && !Commands.Any(c => c.Matches(words[0]))
            ? $"unknown command '{words[0]}' (? lists the commands)"
            : null;
}
