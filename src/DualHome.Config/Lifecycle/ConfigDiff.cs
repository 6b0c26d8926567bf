using System.Text.Json.Nodes;

namespace DualHome.Config.Lifecycle;

/// <summary>`diff`: "- KEY OLD" / "+ KEY NEW" lines between two documents, in ordinal key order (stable whatever
/// order the edits came in), secrets redacted. Values are compared before redaction, so a changed secret shows.</summary>
internal static class ConfigDiff
{
    public static List<string> Lines(JsonObject from, JsonObject to)
    {
        var before = ToMap(from);
        var after = ToMap(to);
        var lines = new List<string>();
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(key);
            var now = after.GetValueOrDefault(key);
            if (old == now)
                continue;
            if (old is not null)
                lines.Add("- " + Redaction.Line(key, old));
            if (now is not null)
                lines.Add("+ " + Redaction.Line(key, now));
        }
        return lines;
    }

    private static Dictionary<string, string> ToMap(JsonObject root)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in ConfigFlattener.Flatten(root))
            map[key] = value;
        return map;
    }
}
