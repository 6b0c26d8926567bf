namespace DualHome.Control;

/// <summary>
/// The daemon's answer: a status, the text a human reads, and optionally the same answer as JSON
/// (for <c>--json</c>; a JSON document carried as a string). On the wire:
/// <c>{"status":"Ok","text":"...","json":"{...}"}</c> and a newline; <c>json</c> is left out when null.
/// </summary>
public sealed record ControlResponse(ControlStatus Status, string Text, string? Json = null)
{
    public static ControlResponse Ok(string text, string? json = null) => new(ControlStatus.Ok, text, json);

    public static ControlResponse Refused(string text) => new(ControlStatus.Refused, text);

    public static ControlResponse Usage(string text) => new(ControlStatus.Usage, text);
}
