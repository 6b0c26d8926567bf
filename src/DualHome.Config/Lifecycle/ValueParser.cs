using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualHome.Config.Lifecycle;

/// <summary>Turns the text of `set KEY VALUE` into the JSON the key expects, or an error naming the key.</summary>
internal static class ValueParser
{
    public static JsonNode? Parse(ConfigKey key, string text, ValueKind kind, out string error)
    {
        text = text.Trim();
        error = "";
        return kind switch
        {
            ValueKind.Number => Literal(key, text, JsonValueKind.Number, "a number", out error),
            ValueKind.Boolean => Literal(key, text.ToLowerInvariant(), JsonValueKind.True, "true or false", out error),
            ValueKind.List => text.StartsWith('[') ? Literal(key, text, JsonValueKind.Array, "a list", out error) : CommaList(text),
            ValueKind.Section => Literal(key, text, JsonValueKind.Object, "a JSON object ({...}); or set its keys one by one", out error),
            ValueKind.NamedList => Literal(key, text, JsonValueKind.Array, "a JSON array of sections", out error),
            ValueKind.Text => text.StartsWith('"') ? Literal(key, text, JsonValueKind.String, "a string", out error) : JsonValue.Create(text),
            _ => JsonText.TryParse(text, out _) ?? JsonValue.Create(text),
        };
    }

    /// <summary>The text as JSON of the wanted kind (True stands for either boolean).</summary>
    private static JsonNode? Literal(ConfigKey key, string text, JsonValueKind wanted, string what, out string error)
    {
        var node = JsonText.TryParse(text, out var parseError);
        var kind = node?.GetValueKind();
        if (kind == wanted || (wanted == JsonValueKind.True && kind == JsonValueKind.False))
        {
            error = "";
            return node;
        }
        error = $"{key}: '{text}' is not {what}{SyntaxDetail(text, parseError)}";
        return null;
    }

    /// <summary>The parser's complaint helps with a broken object or list, not with "fast" for a number.</summary>
    private static string SyntaxDetail(string text, string parseError) =>
        parseError != "" && text.Length > 0 && text[0] is '{' or '[' or '"' ? $" ({parseError})" : "";

    /// <summary>"2001:db8::53, 2001:db8::54" → ["2001:db8::53","2001:db8::54"]; empty text → [].</summary>
    private static JsonArray CommaList(string text) =>
        new(text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
}
