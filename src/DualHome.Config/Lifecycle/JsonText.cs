using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualHome.Config.Lifecycle;

/// <summary>Parses and writes the configuration document with System.Text.Json.Nodes only: no reflection,
/// so it is safe under NativeAOT and trimming.</summary>
internal static class JsonText
{
    /// <summary>Keys are case-insensitive because Microsoft.Extensions.Configuration reads them so;
    /// "set lan.interface" must find "Lan.Interface" rather than add a second spelling.</summary>
    public static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>What the configuration JSON provider accepts, so a file that loads also parses here.</summary>
    private static readonly JsonDocumentOptions DocumentOptions =
        new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>'+' and non-ASCII stay readable in a file people edit; nothing here is embedded in HTML.</summary>
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>The node, or null with <paramref name="error"/> set. A JSON null is refused: removing a key is
    /// `unset`. DeepClone materialises every lazily parsed object now, so a duplicate key fails here, not mid-edit.</summary>
    public static JsonNode? TryParse(string text, out string error)
    {
        error = "";
        try
        {
            var node = JsonNode.Parse(text, NodeOptions, DocumentOptions)?.DeepClone();
            if (node is null)
                error = "null is not a value (use unset to remove a key)";
            return node;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            error = e.Message;
            return null;
        }
    }

    public static JsonObject NewObject() => new(NodeOptions);

    /// <summary>The document as saved: indented, one trailing newline.</summary>
    public static string Indented(JsonNode node) => Write(node, indented: true) + "\n";

    /// <summary>One line, for values in `show config` and diffs.</summary>
    public static string Compact(JsonNode? node) => node is null ? "null" : Write(node, indented: false);

    private static string Write(JsonNode node, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = Encoder }))
            node.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
