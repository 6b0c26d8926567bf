namespace DualHome.Control.Console;

/// <summary>Where some typed words lead in the grammar: what may follow, and whether they already make a command.</summary>
public sealed record GrammarPosition(IReadOnlyList<GrammarNode> Next, bool CanEnd);
