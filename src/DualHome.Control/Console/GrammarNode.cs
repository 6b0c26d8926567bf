namespace DualHome.Control.Console;

/// <summary>
/// One word of the console's command grammar: a keyword typed as it is (<c>show</c>, <c>--json</c>) or a
/// placeholder (<c>NAME</c>, <c>KEY</c>, <c>VALUE</c>, <c>N</c>) that stands for any one word.
/// <see cref="CanEnd"/> says the words so far already make a whole command (<c>show status</c> before its
/// optional <c>--json</c>); a word without followers always can.
/// </summary>
public sealed record GrammarNode(string Word, string Description, bool IsPlaceholder, bool CanEnd, IReadOnlyList<GrammarNode> Next)
{
    public static GrammarNode Keyword(string word, string description, params GrammarNode[] next) =>
        new(word, description, IsPlaceholder: false, CanEnd: next.Length == 0, next);

    public static GrammarNode Placeholder(string name, string description, params GrammarNode[] next) =>
        new(name, description, IsPlaceholder: true, CanEnd: next.Length == 0, next);

    /// <summary>The same node, complete by itself although words may follow it.</summary>
    public GrammarNode OrEnd() => this with { CanEnd = true };

    /// <summary>True when <paramref name="typed"/> can stand in this node's place.</summary>
    public bool Matches(string typed) => IsPlaceholder || string.Equals(Word, typed, StringComparison.Ordinal);
}
