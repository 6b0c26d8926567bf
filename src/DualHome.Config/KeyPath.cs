namespace DualHome.Config;

/// <summary>Dotted key names as the user writes them ("Uplinks.a.Probe.IntervalMs").</summary>
internal static class KeyPath
{
    public static string Uplink(int index, string? name, string key) =>
        $"Uplinks.{(string.IsNullOrWhiteSpace(name) ? index.ToString() : name)}.{key}";

    /// <summary>Microsoft.Extensions.Configuration paths use ':'; users see dots.</summary>
    public static string FromConfigurationPath(string path) => path.Replace(':', '.');
}
