namespace DualHome.Config.Lifecycle;

/// <summary>The console banner for a start without the main configuration file: loud, and saying what to do.</summary>
internal static class LoadBanner
{
    private const string Rule = "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!";

    public static string OnBackup(string path, string problem, string backupPath) => Box(
        "CONFIGURATION PROBLEM",
        $"{path} is {problem}.",
        $"Running on the backup {backupPath}.",
        "Check it with `show config`, then `save` to rewrite the file.");

    public static string Unconfigured(string path, string problem, string backupPath, string backupProblem) => Box(
        "CONFIGURATION PROBLEM: STARTING UNCONFIGURED",
        $"{path} is {problem}.",
        $"The backup {backupPath} is {backupProblem}.",
        "Configure with `set` and `commit`, then `save`.");

    public static string FirstStart(string path) => Box(
        "NO CONFIGURATION",
        $"There is no {path} (nor a backup).",
        "Configure with `set` and `commit`, then `save`.");

    private static string Box(params string[] lines) =>
        string.Join('\n', [Rule, .. lines.Select(l => "!!! " + l), Rule]);
}
