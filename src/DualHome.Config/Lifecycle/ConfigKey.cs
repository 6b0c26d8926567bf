namespace DualHome.Config.Lifecycle;

/// <summary>A key as the user types it, in the dotted form the loader's messages use ("Uplinks.a.Probe.IntervalMs").
/// Uplinks are a JSON array; a segment under it names the uplink by its Name (or, if no uplink has that
/// name, by its index), as <see cref="KeyPath.Uplink"/> does.</summary>
internal sealed class ConfigKey
{
    private ConfigKey(string[] segments) => Segments = segments;

    public IReadOnlyList<string> Segments { get; }

    public int Count => Segments.Count;

    public string this[int index] => Segments[index];

    public string Last => Segments[^1];

    public static ConfigKey? TryParse(string text, out string error)
    {
        var segments = text.Trim().Split('.');
        error = segments.Any(string.IsNullOrWhiteSpace)
            ? $"'{text}' is not a key (expected dotted names, e.g. Uplinks.a.Probe.IntervalMs)"
            : "";
        return error == "" ? new ConfigKey(segments) : null;
    }

    /// <summary>The first <paramref name="count"/> segments, e.g. Prefix(2) of Uplinks.a.Probe is "Uplinks.a".</summary>
    public string Prefix(int count) => string.Join('.', Segments.Take(count));

    /// <summary>The Microsoft.Extensions.Configuration path with an uplink's name replaced by index 0, for
    /// <see cref="KnownKeys"/>, whose patterns match arrays by index.</summary>
    public string ConfigurationPathByIndex() =>
        string.Join(':', Segments.Select((s, i) => i == 1 && IsUplinks(Segments[0]) ? "0" : s));

    public static bool IsUplinks(string segment) => segment.Equals("Uplinks", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => string.Join('.', Segments);
}
