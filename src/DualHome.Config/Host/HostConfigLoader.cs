using System.Text;
using Microsoft.Extensions.Configuration;

namespace DualHome.Config.Host;

public sealed record HostConfigLoadResult(HostConfig? Config, IReadOnlyList<ConfigIssue> Issues)
{
    public bool Ok => Config is not null;
    public IEnumerable<ConfigIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);
}

/// <summary>Reads the host-mode JSON file. Never throws for bad content: each problem names its key.</summary>
public static class HostConfigLoader
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "Interface", "LogLevel", "Probe:IntervalMs", "Probe:DownAfter", "Probe:UpAfter", "Mptcp:Mode", "Mptcp:MaxSubflows",
        "Exit:Mode", "Exit:WindowRounds", "Exit:LossPercent", "Exit:RttFactor", "Exit:RttMarginMs",
    };

    public static HostConfigLoadResult LoadFile(string path)
    {
        try { return LoadJson(File.ReadAllText(path)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new HostConfigLoadResult(null, [ConfigIssue.Error("(file)", $"cannot read {path}: {e.Message}")]);
        }
    }

    public static HostConfigLoadResult LoadJson(string json)
    {
        IConfigurationRoot root;
        try { root = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build(); }
        catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            return new HostConfigLoadResult(null, [ConfigIssue.Error("(file)", $"not valid JSON: {e.InnerException?.Message ?? e.Message}")]);
        }
        var issues = root.AsEnumerable().Where(kv => kv.Value is not null && !IsKnown(kv.Key))
            .Select(kv => ConfigIssue.Warning(KeyPath.FromConfigurationPath(kv.Key), "unknown key, ignored")).ToList();
        HostOptions options;
        try { options = root.Get<HostOptions>() ?? new HostOptions(); }
        catch (InvalidOperationException e)
        {
            issues.Add(ConfigIssue.Error("(file)", e.Message));
            return new HostConfigLoadResult(null, issues);
        }
        return new HostConfigLoadResult(HostConfigValidator.Validate(options, issues), issues);
    }

    private static bool IsKnown(string key) =>
        Known.Contains(key) || key.StartsWith("Probe:Targets:", StringComparison.OrdinalIgnoreCase);
}
