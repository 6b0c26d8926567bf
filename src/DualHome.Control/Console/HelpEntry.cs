namespace DualHome.Control.Console;

/// <summary>One line of a <c>?</c> listing: what may be typed next and what it does.</summary>
public readonly record struct HelpEntry(string Word, string Description);
