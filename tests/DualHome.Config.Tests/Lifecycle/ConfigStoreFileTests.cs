using DualHome.Config.Lifecycle;
using static DualHome.Config.Tests.Lifecycle.StoreConfigs;

namespace DualHome.Config.Tests.Lifecycle;

/// <summary>The store on the real file system, in a temporary directory.</summary>
public sealed class ConfigStoreFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("dh-config-");
    private readonly List<string> _synced = [];

    public void Dispose() => _dir.Delete(recursive: true);

    private string FilePath => System.IO.Path.Combine(_dir.FullName, "dualhome.json");

    private ConfigStore Store() => new(new FileConfigFileSystem(_synced.Add), FilePath);

    [Fact]
    public void SaveTwice_LeavesNewFileAndPreviousBackup_AndNoTemporaries()
    {
        Assert.True(Store().Save(Old).Ok);
        Assert.True(Store().Save(New).Ok);

        Assert.Equal(New, File.ReadAllText(FilePath));
        Assert.Equal(Old, File.ReadAllText(FilePath + ".bak"));
        Assert.Equal(["dualhome.json", "dualhome.json.bak"], _dir.GetFiles().Select(f => f.Name).Order());
        Assert.Equal(3, _synced.Count); // first save: main only; second: backup, then main
        Assert.All(_synced, d => Assert.Equal(_dir.FullName, d));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
    }

    [Fact]
    public void CorruptFile_LoadsTheBackup()
    {
        Assert.True(Store().Save(Old).Ok);
        Assert.True(Store().Save(New).Ok);
        File.WriteAllText(FilePath, Torn);

        var load = Store().Load();

        Assert.Equal(ConfigSource.Backup, load.Source);
        Assert.Equal(Old, load.Json);
    }

    [Fact]
    public void SaveIntoAMissingDirectory_IsReportedNotThrown()
    {
        var store = new ConfigStore(new FileConfigFileSystem(_synced.Add), System.IO.Path.Combine(_dir.FullName, "no", "x.json"));

        var result = store.Save(New);

        Assert.False(result.Ok);
        Assert.Contains("save failed", result.Message);
    }
}
