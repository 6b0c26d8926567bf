namespace DualHome.Control.Console;

/// <summary>
/// Answers <c>?</c> and Tab from <see cref="CommandGrammar"/>. Placeholders may have known values (the uplink
/// names for NAME, from the daemon), which Tab completes like keywords.
/// </summary>
/// <param name="valuesOf">The known values of a placeholder (by its name, e.g. "NAME"); none when null.</param>
public sealed class Completer(Func<string, IReadOnlyList<string>>? valuesOf = null)
{
    /// <summary>The entry shown when the words so far already make a whole command.</summary>
    public static readonly HelpEntry EnterEntry = new("<Enter>", "run the command");

    public HelpResult Help(string line)
    {
        if (!TryLocate(line, out var position, out var partial, out var problem))
        {
            return HelpResult.Failed(problem);
        }
        var entries = new List<HelpEntry>();
        foreach (var node in position.Next)
        {
            entries.AddRange(Values(node, partial).Select(v => new HelpEntry(v, node.Description)));
            if (node.IsPlaceholder || node.Word.StartsWith(partial, StringComparison.Ordinal))
            {
                entries.Add(new HelpEntry(node.Word, node.Description));
            }
        }
        if (partial.Length == 0 && position.CanEnd)
        {
            entries.Add(EnterEntry);
        }
        return entries.Count > 0 ? new HelpResult(entries, null) : HelpResult.Failed($"nothing here starts with '{partial}'");
    }

    public Completion Complete(string line)
    {
        if (!TryLocate(line, out var position, out var partial, out _))
        {
            return Completion.None;
        }
        var candidates = position.Next
            .SelectMany(n => Candidates(n, partial))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return Completion.None;
        }
        if (candidates.Count == 1)
        {
            return new Completion(CompletionKind.Append, candidates[0][partial.Length..] + " ");
        }
        var common = CommonPrefix(candidates);
        return common.Length > partial.Length
            ? new Completion(CompletionKind.Append, common[partial.Length..])
            : new Completion(CompletionKind.List, Listing: Help(line));
    }

    private static bool TryLocate(string line, out GrammarPosition position, out string partial, out string problem)
    {
        (position, partial, problem) = (new GrammarPosition([], false), "", "");
        if (CommandWords.SplitAtCursor(line) is not var (done, typed))
        {
            problem = "unclosed quote";
            return false;
        }
        partial = typed;
        if (CommandGrammar.Follow(done, out var bad) is not { } found)
        {
            problem = bad == 0
                ? $"unknown command '{done[0]}'"
                : $"'{done[bad]}' does not fit after '{string.Join(' ', done.Take(bad))}'";
            return false;
        }
        position = found;
        return true;
    }

    /// <summary>What Tab may put in place of <paramref name="partial"/>: a keyword, or a placeholder's known values.</summary>
    private IEnumerable<string> Candidates(GrammarNode node, string partial) =>
        node.IsPlaceholder ? Values(node, partial)
        : node.Word.StartsWith(partial, StringComparison.Ordinal) ? [node.Word]
        : [];

    private IEnumerable<string> Values(GrammarNode node, string partial) =>
        node.IsPlaceholder && valuesOf is not null
            ? valuesOf(node.Word).Where(v => v.Length > 0 && v.StartsWith(partial, StringComparison.Ordinal))
            : [];

    private static string CommonPrefix(IReadOnlyList<string> words)
    {
        var prefix = words[0];
        foreach (var word in words.Skip(1))
        {
            var n = 0;
            while (n < prefix.Length && n < word.Length && prefix[n] == word[n])
            {
                n++;
            }
            prefix = prefix[..n];
        }
        return prefix;
    }
}
