using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualHome.Config.Lifecycle;

/// <summary>The document as "KEY VALUE" pairs in dotted keys, the form `set` takes: uplinks by name, a list of
/// values on one line as JSON (so a shown line can be typed back as a `set`).</summary>
internal static class ConfigFlattener
{
    public static List<KeyValuePair<string, string>> Flatten(JsonObject root)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (name, child) in root)
            Walk(child, name, pairs);
        return pairs;
    }

    /// <summary>Redacted lines for `show config`, in the document's order.</summary>
    public static List<string> Lines(JsonObject root) =>
        Flatten(root).Select(p => Redaction.Line(p.Key, p.Value)).ToList();

    private static void Walk(JsonNode? node, string key, List<KeyValuePair<string, string>> pairs)
    {
        switch (node)
        {
            case JsonObject o when o.Count > 0:
                foreach (var (name, child) in o)
                    Walk(child, $"{key}.{name}", pairs);
                break;
            case JsonArray a when a.Count > 0 && a.All(e => e is JsonObject):
                for (int i = 0; i < a.Count; i++)
                    Walk(a[i], $"{key}.{JsonTree.ElementSegment(a[i], i)}", pairs);
                break;
            default:
                pairs.Add(new(key, Display(node)));
                break;
        }
    }

    /// <summary>Strings bare unless empty or spaced (then quoted, so the line stays unambiguous); the rest as JSON.</summary>
    private static string Display(JsonNode? node)
    {
        if (node?.GetValueKind() != JsonValueKind.String)
            return JsonText.Compact(node);
        var s = node.GetValue<string>();
        return s.Length == 0 || s.Any(char.IsWhiteSpace) ? JsonText.Compact(node) : s;
    }
}
