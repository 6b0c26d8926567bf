using DualHome.Config;
using DualHome.Config.Lifecycle;

namespace DualHome.Daemon.Configuration;

/// <summary>
/// The configuration from its file to the console's set/commit/save, across router restarts: loaded with fallback
/// (the file → its backup → the factory defaults next to it → unconfigured, each with a loud banner, never a dead
/// router), edited as one shared candidate, committed live or by restarting the router, saved crash-safely.
/// </summary>
public sealed class ConfigLifecycle
{
    private readonly ConfigStore _store;

    public ConfigLifecycle(string path, IConfigFileSystem files)
    {
        Path = path;
        Files = files;
        _store = new ConfigStore(files, path);
    }

    public string Path { get; }
    public IConfigFileSystem Files { get; }

    /// <summary>The factory defaults (the image installs them; the button's 10 s hold restores them):
    /// <c>dualhome.json</c> → <c>dualhome.factory.json</c> in the same directory.</summary>
    public string FactoryPath => System.IO.Path.ChangeExtension(Path, null) + ".factory.json";

    public CandidateConfig Candidate { get; private set; } = new("{}", isSaved: false);

    /// <summary>What the console shows at login when the daemon is not running on the file as saved; null otherwise.</summary>
    public string? Banner { get; private set; }

    public string LoadMessage { get; private set; } = "";

    public IReadOnlyList<ConfigIssue> Warnings { get; private set; } = [];

    /// <summary>The configuration to run on, or null to run unconfigured (only the control socket, so the console
    /// can set one up).</summary>
    public SiteConfig? Load()
    {
        var loaded = _store.Load();
        (LoadMessage, Banner, Warnings) = (loaded.Message, loaded.Banner, [.. loaded.Issues.Where(i => i.Severity == IssueSeverity.Warning)]);
        if (loaded.Ok)
        {
            Candidate = new CandidateConfig(loaded.Json!, isSaved: loaded.Source == ConfigSource.MainFile);
            return loaded.Config;
        }
        return LoadFactory(loaded.Banner);
    }

    public ConfigCommandResult Save()
    {
        var result = _store.Save(Candidate.RunningJson);
        if (result.Ok)
        {
            Candidate.MarkSaved();
            Banner = null; // the file now holds what runs
        }
        return result;
    }

    /// <summary>Saves the factory defaults as the configuration (the old one becomes the backup, so even this can be
    /// undone by hand) and makes them the running candidate; the caller restarts the router on them.</summary>
    public ConfigCommandResult FactoryReset()
    {
        var text = ReadFactory(out var problem);
        if (text is null) return ConfigCommandResult.Failure($"factory reset refused: {problem}");
        var saved = _store.Save(text);
        if (!saved.Ok) return saved;
        Candidate = new CandidateConfig(text);
        Banner = null;
        return ConfigCommandResult.Success($"factory defaults from {FactoryPath} saved to {Path}; the previous configuration is {_store.BackupPath}");
    }

    private SiteConfig? LoadFactory(string? banner)
    {
        var text = ReadFactory(out var problem);
        if (text is null)
        {
            Candidate = new CandidateConfig("{}", isSaved: false);
            Banner = banner;
            return null;
        }
        Candidate = new CandidateConfig(text, isSaved: false);
        Banner = (banner ?? "") + $"\n!!! running the factory defaults from {FactoryPath}: `save` keeps them\n";
        LoadMessage += $"; running the factory defaults from {FactoryPath}";
        return Candidate.Running;
    }

    private string? ReadFactory(out string problem)
    {
        string? text;
        try { text = Files.ReadText(FactoryPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problem = $"{FactoryPath} unreadable: {e.Message}"; return null; }
        if (text is null) { problem = $"no factory defaults at {FactoryPath}"; return null; }
        var load = ConfigLoader.LoadJson(text);
        problem = load.Ok ? "" : $"{FactoryPath} is invalid: {string.Join("; ", load.Errors)}";
        return load.Ok ? text : null;
    }
}
