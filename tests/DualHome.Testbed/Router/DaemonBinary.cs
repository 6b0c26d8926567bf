namespace DualHome.Testbed.Router;

/// <summary>Where the published dualhomed is: <c>$DUALHOME_BIN</c>, else <c>&lt;repo&gt;/artifacts/linux-x64/dualhomed</c>.</summary>
public static class DaemonBinary
{
    public const string BinVariable = "DUALHOME_BIN";
    public const string RootVariable = "DUALHOME_ROOT";

    /// <summary>The repository root: <c>$DUALHOME_ROOT</c>, else the first folder above the app that holds Firmware.sln.</summary>
    public static string RepoRoot()
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root) return Path.GetFullPath(root);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Firmware.sln"))) return dir.FullName;
        throw new TestbedException($"cannot find the repository root (no Firmware.sln above {AppContext.BaseDirectory}); set {RootVariable}");
    }

    public static string ExpectedPath() =>
        Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } bin
            ? Path.GetFullPath(bin)
            : Path.Combine(RepoRoot(), "artifacts", "linux-x64", "dualhomed");

    /// <summary>The daemon's path; throws <see cref="DaemonMissingException"/> (never a silent pass) when it is not there.</summary>
    public static string Require()
    {
        var path = ExpectedPath();
        if (!File.Exists(path)) throw new DaemonMissingException(path);
        return path;
    }
}

public sealed class DaemonMissingException(string path)
    : Exception($"dualhomed not found at {path}: run ./build.sh publish first (or set {DaemonBinary.BinVariable} to the binary)")
{
    public string Path { get; } = path;
}
