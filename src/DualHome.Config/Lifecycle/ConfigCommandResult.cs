namespace DualHome.Config.Lifecycle;

/// <summary>The outcome of a configuration command (set, unset, commit, save…): never an exception for a user's
/// mistake. <see cref="Message"/> is for the console, names the key, and never holds a secret value.</summary>
public sealed record ConfigCommandResult(bool Ok, string Message, IReadOnlyList<ConfigIssue> Issues)
{
    public static ConfigCommandResult Success(string message, IReadOnlyList<ConfigIssue>? issues = null) =>
        new(true, message, issues ?? []);

    public static ConfigCommandResult Failure(string message, IReadOnlyList<ConfigIssue>? issues = null) =>
        new(false, message, issues ?? []);
}
