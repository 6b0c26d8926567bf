namespace DualHome.Control.Console;

public enum CompletionKind
{
    /// <summary>Nothing fits: the editor rings the bell.</summary>
    None,

    /// <summary>Append <see cref="Completion.Text"/> to the line: the rest of the only candidate, or of their common prefix.</summary>
    Append,

    /// <summary>Several candidates and no common prefix to add: show them as <c>?</c> would.</summary>
    List,
}

/// <summary>What Tab does with the line.</summary>
public sealed record Completion(CompletionKind Kind, string Text = "", HelpResult? Listing = null)
{
    public static readonly Completion None = new(CompletionKind.None);
}
