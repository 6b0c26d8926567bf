using System.Text.Json.Nodes;

namespace DualHome.Config.Lifecycle;

/// <summary>Finds, puts and removes a <see cref="ConfigKey"/> in the document. Object keys match case-insensitively
/// (<see cref="JsonText.NodeOptions"/>); an array element is found by its Name, else by its index.</summary>
internal static class JsonTree
{
    public static JsonNode? Find(JsonObject root, ConfigKey key)
    {
        JsonNode? node = root;
        for (int i = 0; i < key.Count && node is not null; i++)
            node = Child(node, key[i]);
        return node;
    }

    /// <summary>Puts <paramref name="value"/> at the key, creating sections on the way. Returns an error, or null.</summary>
    public static string? Put(JsonObject root, ConfigKey key, JsonNode value)
    {
        JsonNode parent = root;
        for (int i = 0; i < key.Count - 1; i++)
        {
            var child = Child(parent, key[i]);
            if (child is JsonValue)
                return $"{key.Prefix(i + 1)} holds a value, not keys";
            if (child is null)
            {
                child = KeyKinds.IsArray(key, i + 1) ? new JsonArray(JsonText.NodeOptions) : JsonText.NewObject();
                if (Attach(parent, key, i, child) is { } error)
                    return error;
            }
            parent = child;
        }
        return Attach(parent, key, key.Count - 1, value);
    }

    /// <summary>Removes the key (an uplink with "Uplinks.a"). Returns an error, or null.</summary>
    public static string? Remove(JsonObject root, ConfigKey key)
    {
        JsonNode? parent = root;
        for (int i = 0; i < key.Count - 1 && parent is not null; i++)
            parent = Child(parent, key[i]);
        bool removed = parent switch
        {
            JsonObject o => o.Remove(key.Last),
            JsonArray a when IndexOf(a, key.Last) is var index and >= 0 => RemoveAt(a, index),
            _ => false,
        };
        return removed ? null : $"{key} is not set";
    }

    /// <summary>The element's name in a key: its Name, or its index when it has none.</summary>
    public static string ElementSegment(JsonNode? element, int index) =>
        NameOf(element) is { Length: > 0 } name ? name : index.ToString();

    private static JsonNode? Child(JsonNode parent, string segment) => parent switch
    {
        JsonObject o => o.TryGetPropertyValue(segment, out var child) ? child : null,
        JsonArray a => IndexOf(a, segment) is var index and >= 0 ? a[index] : null,
        _ => null,
    };

    /// <summary>Puts <paramref name="node"/> as segment <paramref name="at"/> of the key under its parent.</summary>
    private static string? Attach(JsonNode parent, ConfigKey key, int at, JsonNode node)
    {
        string segment = key[at];
        if (parent is JsonObject o)
        {
            o[segment] = node;
            return null;
        }
        var array = (JsonArray)parent;
        int index = IndexOf(array, segment);
        if (index >= 0)
            return Replace(array, index, node);
        if (int.TryParse(segment, out int i))
            return i == array.Count ? Append(array, node) : $"{key.Prefix(at + 1)}: index {i} is past the end ({array.Count} element(s))";
        return NameElement(node, segment, key.Prefix(at + 1)) ?? Append(array, node);
    }

    /// <summary>Replacing a named element keeps its name, so "set Uplinks.a {...}" need not repeat "Name": "a".</summary>
    private static string? Replace(JsonArray array, int index, JsonNode node)
    {
        if (NameOf(array[index]) is { Length: > 0 } name && NameElement(node, name, name) is { } error)
            return error;
        array[index] = node;
        return null;
    }

    /// <summary>A new element addressed by name ("Uplinks.c") is a section whose Name is that name.</summary>
    private static string? NameElement(JsonNode node, string name, string where)
    {
        if (node is not JsonObject o)
            return $"{where} is an element named by its Name; give it keys or a JSON object";
        if (NameOf(o) is { } given && given != name)
            return $"{where}: the object's Name '{given}' differs from the key's '{name}'";
        o["Name"] = name;
        return null;
    }

    private static string? Append(JsonArray array, JsonNode node)
    {
        array.Add(node);
        return null;
    }

    private static bool RemoveAt(JsonArray array, int index)
    {
        array.RemoveAt(index);
        return true;
    }

    /// <summary>The element with that Name (exact, as the validator compares names), else that index, else -1.</summary>
    private static int IndexOf(JsonArray array, string segment)
    {
        for (int i = 0; i < array.Count; i++)
            if (NameOf(array[i]) == segment)
                return i;
        return int.TryParse(segment, out int index) && index >= 0 && index < array.Count ? index : -1;
    }

    private static string? NameOf(JsonNode? element) =>
        element is JsonObject o && o.TryGetPropertyValue("Name", out var n) && n is JsonValue v && v.TryGetValue(out string? s)
            ? s
            : null;
}
