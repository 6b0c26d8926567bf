using System.Net.Sockets;
using System.Text.Json;

namespace DualHome.Control.Console;

/// <summary>
/// The uplink names Tab completes after <c>uplink</c>, asked once from the daemon with <c>show status --json</c>
/// (<c>{"uplinks":[{"name":"a",...}]}</c>). Best effort and silent: anything unexpected gives no names, and an
/// unreachable daemon is asked again later; completion is a convenience.
/// </summary>
public sealed class UplinkNames
{
    /// <summary>The request whose JSON holds the names.</summary>
    public static readonly ControlRequest StatusRequest = new("show", ["status", "--json"]);

    public IReadOnlyList<string> Names { get; private set; } = [];

    /// <summary>True once the daemon answered (even with no names).</summary>
    public bool Known { get; private set; }

    public async Task RefreshAsync(Func<ControlRequest, Task<ControlResponse>> send)
    {
        try
        {
            var status = await send(StatusRequest).ConfigureAwait(false);
            Names = status.Status == ControlStatus.Ok ? FromStatusJson(status.Json) : [];
            Known = true;
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException)
        {
            Names = [];
        }
    }

    public static IReadOnlyList<string> FromStatusJson(string? json)
    {
        if (json is null)
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("uplinks", out var uplinks) && uplinks.ValueKind == JsonValueKind.Array
                ? [.. uplinks.EnumerateArray().Select(NameOf).OfType<string>()]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? NameOf(JsonElement uplink) =>
        uplink.ValueKind == JsonValueKind.Object && uplink.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
}
