using System.Text;

namespace DualHome.Control.Console;

/// <summary>
/// Turns text for the user into what the terminal gets: line ends as the terminal wants them (CR LF in
/// raw mode, where the console cannot count on the tty's output processing) and control characters other
/// than tab made visible as '?', so a daemon's text (a log line, an interface name) can never move the
/// cursor or switch a terminal's mode. Always ends with a line end.
/// </summary>
public static class ReplyText
{
    public static string Format(string text, string newLine)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings("\n").TrimEnd('\n'))
        {
            sb.Append(c switch
            {
                '\n' => newLine,
                '\t' => "\t",
                _ when char.IsControl(c) => "?",
                _ => c.ToString(),
            });
        }
        return sb.Append(newLine).ToString();
    }

    /// <summary>The first line marked as an error ("% "); the rest, often a usage list, as it is.</summary>
    public static string Error(string text, string newLine) => Format("% " + text, newLine);
}
