using System.Text;
using DualHome.Config.Options;
using Microsoft.Extensions.Configuration;

namespace DualHome.Config;

public sealed record ConfigLoadResult(SiteConfig? Config, IReadOnlyList<ConfigIssue> Issues)
{
    public bool Ok => Config is not null;
    public IEnumerable<ConfigIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);
    public IEnumerable<ConfigIssue> Warnings => Issues.Where(i => i.Severity == IssueSeverity.Warning);
}

/// <summary>Reads a JSON file into a validated <see cref="SiteConfig"/>. Never throws for bad content:
/// every problem becomes an issue naming the key, so the caller can keep its running configuration.</summary>
public static class ConfigLoader
{
    public static ConfigLoadResult LoadFile(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed("(file)", $"cannot read {path}: {e.Message}");
        }
        return LoadJson(text);
    }

    public static ConfigLoadResult LoadJson(string json)
    {
        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            return Failed("(file)", $"not valid JSON: {e.InnerException?.Message ?? e.Message}");
        }
        return LoadConfiguration(root);
    }

    public static ConfigLoadResult LoadConfiguration(IConfiguration configuration)
    {
        var issues = UnknownKeys(configuration);
        DualHomeOptions options;
        try { options = configuration.Get<DualHomeOptions>() ?? new DualHomeOptions(); }
        catch (InvalidOperationException e)
        {
            issues.Add(ConfigIssue.Error(BindingErrorKey(e.Message), e.Message));
            return new ConfigLoadResult(null, issues);
        }
        return new ConfigLoadResult(ConfigValidator.Validate(options, issues), issues);
    }

    private static List<ConfigIssue> UnknownKeys(IConfiguration configuration) =>
        configuration.AsEnumerable()
            .Where(kv => kv.Value is not null && !KnownKeys.IsKnown(kv.Key) && !IsEmptyKnownArray(kv))
            .Select(kv => ConfigIssue.Warning(KeyPath.FromConfigurationPath(kv.Key), "unknown key, ignored"))
            .OrderBy(i => i.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>An empty JSON array appears as its own key with an empty value.</summary>
    private static bool IsEmptyKnownArray(KeyValuePair<string, string?> kv) =>
        kv.Value == "" && KnownKeys.IsKnownSection(kv.Key);

    /// <summary>The binder says "… at 'Uplinks:0:Probe:IntervalMs' to type …": lift the key out of it.</summary>
    private static string BindingErrorKey(string message)
    {
        int start = message.IndexOf(" at '", StringComparison.Ordinal);
        int end = start < 0 ? -1 : message.IndexOf('\'', start + 5);
        return end < 0 ? "(file)" : KeyPath.FromConfigurationPath(message[(start + 5)..end]);
    }

    private static ConfigLoadResult Failed(string key, string message) => new(null, [ConfigIssue.Error(key, message)]);
}
