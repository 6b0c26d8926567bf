using System.Text.Json.Nodes;

namespace DualHome.Config.Lifecycle;

/// <summary>Validation of an edited document, and which issues an edit introduced. An edit is refused for any new
/// error, and for any new warning too: the loader warns only of unknown keys, and a misspelt key accepted is a
/// setting the user believes is in force. Issues the document already had do not block an edit, so a router that
/// started with no usable file can still be configured one key at a time.</summary>
internal static class IssueDelta
{
    /// <summary>The loader's issues for the document, with uplinks named as the user names them.</summary>
    public static List<ConfigIssue> Validate(JsonObject doc) =>
        ConfigLoader.LoadJson(JsonText.Indented(doc)).Issues.Select(i => WithUplinkName(i, doc)).ToList();

    public static List<ConfigIssue> Introduced(IReadOnlyList<ConfigIssue> before, IReadOnlyList<ConfigIssue> after) =>
        after.Where(issue => !before.Contains(issue)).ToList();

    /// <summary>"KEY: message; …", without the loader's "(file)" pseudo-key for a file that is not JSON at all.</summary>
    public static string Describe(IEnumerable<ConfigIssue> issues) =>
        string.Join("; ", issues.Select(i => i.Key == "(file)" ? i.Message : $"{i.Key}: {i.Message}"));

    /// <summary>The binder and the unknown-key check name uplinks by index ("Uplinks.0.Probe.IntervalMs"); the
    /// user typed "Uplinks.a.Probe.IntervalMs".</summary>
    private static ConfigIssue WithUplinkName(ConfigIssue issue, JsonObject doc)
    {
        var parts = issue.Key.Split('.');
        if (parts.Length < 2 || !ConfigKey.IsUplinks(parts[0]) || !int.TryParse(parts[1], out int index)
            || !doc.TryGetPropertyValue("Uplinks", out var uplinks) || uplinks is not JsonArray a || (uint)index >= a.Count)
            return issue;
        parts[1] = JsonTree.ElementSegment(a[index], index);
        return issue with { Key = string.Join('.', parts) };
    }
}
