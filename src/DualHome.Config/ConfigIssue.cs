namespace DualHome.Config;

public enum IssueSeverity { Warning, Error }

/// <summary>One finding about the configuration, naming the key in dotted form (e.g. "Uplinks.a.LanPrefix").</summary>
public sealed record ConfigIssue(IssueSeverity Severity, string Key, string Message)
{
    public static ConfigIssue Error(string key, string message) => new(IssueSeverity.Error, key, message);
    public static ConfigIssue Warning(string key, string message) => new(IssueSeverity.Warning, key, message);
    public override string ToString() => $"{(Severity == IssueSeverity.Error ? "error" : "warning")}: {Key}: {Message}";
}
