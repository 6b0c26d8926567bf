using System.Text;

namespace DualHome.Control.Console;

/// <summary>
/// Splits a typed line into words at spaces and tabs; "double quotes" keep spaces inside one word (a VALUE
/// such as a list). No escapes: a value cannot hold a double quote, which no setting needs.
/// </summary>
public static class CommandWords
{
    /// <summary>The words of <paramref name="line"/>, or null with <paramref name="error"/> set for an unclosed quote.</summary>
    public static IReadOnlyList<string>? Split(string line, out string? error)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false, inWord = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                (quoted, inWord) = (!quoted, true);
            }
            else if (!quoted && c is ' ' or '\t')
            {
                EndWord(words, word, ref inWord);
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        EndWord(words, word, ref inWord);
        error = quoted ? "unclosed quote" : null;
        return quoted ? null : words;
    }

    /// <summary>
    /// For completion: the finished words and the word being typed ("" after a space). Null inside an
    /// unclosed quote, where there is nothing to complete.
    /// </summary>
    public static (IReadOnlyList<string> Done, string Partial)? SplitAtCursor(string line)
    {
        var words = Split(line, out _);
        if (words is null)
        {
            return null;
        }
        return words.Count == 0 || line[^1] is ' ' or '\t'
            ? (words, "")
            : (words.Take(words.Count - 1).ToList(), words[^1]);
    }

    private static void EndWord(List<string> words, StringBuilder word, ref bool inWord)
    {
        if (inWord)
        {
            words.Add(word.ToString());
            word.Clear();
            inWord = false;
        }
    }
}
