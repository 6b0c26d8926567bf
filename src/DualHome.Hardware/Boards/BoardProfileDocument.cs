using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualHome.Hardware.Boards;

/// <summary>board.json as written (every field optional here; <see cref="BoardProfileValidator"/> decides).</summary>
internal sealed class BoardProfileDocument
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public InterfacesDocument? Interfaces { get; set; }
    public string? LedClassRoot { get; set; }
    public List<LedDocument?>? Leds { get; set; }
    public ButtonDocument? Button { get; set; }
    public List<string>? Notes { get; set; }
}

internal sealed class InterfacesDocument
{
    public string? Lan { get; set; }
    public string? WanA { get; set; }
    public string? WanB { get; set; }
}

internal sealed class LedDocument
{
    public string? Role { get; set; }
    public string? Type { get; set; }
    public string? Name { get; set; }
    public string? Chip { get; set; }
    public int? Line { get; set; }
    public bool? ActiveLow { get; set; }
    public string? Note { get; set; }
}

internal sealed class ButtonDocument
{
    public string? Type { get; set; }
    public string? Chip { get; set; }
    public int? Line { get; set; }
    public bool? ActiveLow { get; set; }
    public string? Device { get; set; }
    public string? InputName { get; set; }
    public int? Code { get; set; }
    public string? Note { get; set; }
}

/// <summary>Source-generated (no reflection, NativeAOT-safe). Unknown keys are errors, so a misspelt key is named
/// instead of silently ignored; comments and trailing commas are allowed in a hand-edited file.</summary>
[JsonSourceGenerationOptions(
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(BoardProfileDocument))]
internal sealed partial class BoardProfileJsonContext : JsonSerializerContext;
