namespace DualHome.Config.Lifecycle;

/// <summary>
/// The configuration file on flash. Saving leaves, whenever the power fails, the old or the new complete file at
/// PATH, and keeps the version before it as PATH.bak. The save sequence, one <see cref="IConfigFileSystem"/> call each:
/// <list type="number">
/// <item>PATH.bak.tmp ← the current PATH, fsynced (skipped when PATH is not a valid configuration: a corrupt file
/// must not replace a good backup);</item>
/// <item>rename PATH.bak.tmp → PATH.bak;</item>
/// <item>fsync the directory, so the backup is durable before PATH changes;</item>
/// <item>PATH.tmp ← the new text, fsynced (its data is on disk before any name points to it);</item>
/// <item>rename PATH.tmp → PATH (atomic: PATH names the old or the new file, never a partial one);</item>
/// <item>fsync the directory, so the new PATH survives.</item>
/// </list>
/// PATH and PATH.bak are never written in place, and the .tmp files are never read.
/// </summary>
public sealed class ConfigStore(IConfigFileSystem files, string path)
{
    private const string Missing = "missing";

    public string FilePath => path;

    public string BackupPath => path + ".bak";

    private string TempPath => path + ".tmp";

    private string BackupTempPath => path + ".bak.tmp";

    private string DirectoryPath => Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";

    /// <summary>Persists a configuration; refuses one that would not load. Reports I/O failures, never throws them.</summary>
    public ConfigCommandResult Save(string json)
    {
        var check = ConfigLoader.LoadJson(json);
        if (!check.Ok)
            return ConfigCommandResult.Failure($"save refused, {path} unchanged: {IssueDelta.Describe(check.Errors)}", check.Issues);
        var current = Read(path);
        if (current.Text == json && current.Usable)
            return ConfigCommandResult.Success($"already saved in {path}");
        try
        {
            if (current.Usable)
                KeepAsBackup(current.Text!);
            files.WriteAndSync(TempPath, json);
            files.Rename(TempPath, path);
            files.SyncDirectory(DirectoryPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ConfigCommandResult.Failure($"save failed ({e.Message}): {path} still holds a complete configuration, the previous or the new one");
        }
        return ConfigCommandResult.Success($"saved to {path} (the previous version is in {BackupPath})");
    }

    /// <summary>The configuration to start on: PATH, else PATH.bak (with a banner), else none (with a banner).</summary>
    public ConfigStoreLoadResult Load()
    {
        var main = Read(path);
        if (main.Usable)
            return new(ConfigSource.MainFile, main.Text, main.Load!.Config, $"configuration loaded from {path}", null, main.Load.Issues);
        var backup = Read(BackupPath);
        IReadOnlyList<ConfigIssue> issues = [.. main.Load?.Issues ?? [], .. backup.Load?.Issues ?? []];
        if (backup.Usable)
            return new(ConfigSource.Backup, backup.Text, backup.Load!.Config,
                $"{path} is {main.Problem}: running on the backup {BackupPath}",
                LoadBanner.OnBackup(path, main.Problem, BackupPath), issues);
        if (main.Problem == Missing && backup.Problem == Missing)
            return new(ConfigSource.None, null, null, $"no configuration at {path}: starting unconfigured",
                LoadBanner.FirstStart(path), issues);
        return new(ConfigSource.None, null, null,
            $"{path} is {main.Problem} and the backup {BackupPath} is {backup.Problem}: starting unconfigured",
            LoadBanner.Unconfigured(path, main.Problem, BackupPath, backup.Problem), issues);
    }

    /// <summary>Steps 1–3 of the save sequence.</summary>
    private void KeepAsBackup(string currentText)
    {
        files.WriteAndSync(BackupTempPath, currentText);
        files.Rename(BackupTempPath, BackupPath);
        files.SyncDirectory(DirectoryPath);
    }

    private StoredFile Read(string file)
    {
        string? text;
        try { text = files.ReadText(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(null, null, $"unreadable: {e.Message}");
        }
        if (text is null)
            return new(null, null, Missing);
        var load = ConfigLoader.LoadJson(text);
        return new(text, load, load.Ok ? "" : $"unusable: {IssueDelta.Describe(load.Errors)}");
    }

    /// <summary>One file's state at load: its text, what the loader made of it, and what is wrong with it.</summary>
    private sealed record StoredFile(string? Text, ConfigLoadResult? Load, string Problem)
    {
        public bool Usable => Load is { Ok: true };
    }
}
