namespace DualHome.Config.Lifecycle;

/// <summary>Which file the configuration came from at start.</summary>
public enum ConfigSource
{
    MainFile,
    /// <summary>The main file was missing, unreadable or invalid; PATH.bak was used.</summary>
    Backup,
    /// <summary>Neither file was usable: the router starts unconfigured.</summary>
    None,
}

/// <summary>The outcome of <see cref="ConfigStore.Load"/>. <see cref="Message"/> is one line for the log;
/// <see cref="Banner"/>, when not null, is what the console shows until someone acts on it.</summary>
public sealed record ConfigStoreLoadResult(
    ConfigSource Source,
    string? Json,
    SiteConfig? Config,
    string Message,
    string? Banner,
    IReadOnlyList<ConfigIssue> Issues)
{
    public bool Ok => Config is not null;
}
