using DualHome.Config.Lifecycle;
using static DualHome.Config.Tests.Lifecycle.StoreConfigs;

namespace DualHome.Config.Tests.Lifecycle;

public sealed class ConfigStoreLoadTests
{
    private static readonly string Slash48 =
        SampleConfigs.With("\"LanPrefix\": \"2001:db8:a:1::/64\"", "\"LanPrefix\": \"2001:db8:a::/48\"");

    [Fact]
    public void ValidMainFile_IsUsedQuietly()
    {
        var load = Store((MainPath, Old), (BackupPath, Older)).Load();

        Assert.Equal(ConfigSource.MainFile, load.Source);
        Assert.Equal(Old, load.Json);
        Assert.Equal(TimeSpan.FromMilliseconds(200), load.Config!.Uplinks[0].Probe.Interval);
        Assert.Null(load.Banner);
    }

    [Fact]
    public void CorruptMainFile_FallsBackToTheBackup_Loudly()
    {
        var load = Store((MainPath, Torn), (BackupPath, Older)).Load();

        Assert.Equal(ConfigSource.Backup, load.Source);
        Assert.Equal(Older, load.Json);
        Assert.NotNull(load.Config);
        Assert.Contains("not valid JSON", load.Message);
        Assert.Contains(MainPath, load.Banner);
        Assert.Contains(BackupPath, load.Banner);
        Assert.StartsWith("!!!", load.Banner);
    }

    [Fact]
    public void InvalidMainFile_FallsBackToTheBackup_NamingTheKey()
    {
        var load = Store((MainPath, Slash48), (BackupPath, Old)).Load();

        Assert.Equal(ConfigSource.Backup, load.Source);
        Assert.Equal(Old, load.Json);
        Assert.Contains("Uplinks.a.LanPrefix", load.Banner);
        Assert.Contains(load.Issues, i => i.Key == "Uplinks.a.LanPrefix");
    }

    [Fact]
    public void MissingMainFile_WithBackup_UsesTheBackup()
    {
        var load = Store((BackupPath, Old)).Load();

        Assert.Equal(ConfigSource.Backup, load.Source);
        Assert.Contains("missing", load.Message);
    }

    [Fact]
    public void BothCorrupt_IsReportedNotThrown()
    {
        var load = Store((MainPath, Torn), (BackupPath, "")).Load();

        Assert.Equal(ConfigSource.None, load.Source);
        Assert.Null(load.Config);
        Assert.Null(load.Json);
        Assert.False(load.Ok);
        Assert.Contains(MainPath, load.Banner);
        Assert.Contains(BackupPath, load.Banner);
        Assert.Contains("UNCONFIGURED", load.Banner);
    }

    [Fact]
    public void NoFiles_IsAFirstStart()
    {
        var load = Store().Load();

        Assert.Equal(ConfigSource.None, load.Source);
        Assert.Contains("NO CONFIGURATION", load.Banner);
        Assert.Contains("no configuration", load.Message);
    }

    [Fact]
    public void Save_RefusesAnInvalidConfiguration_AndWritesNothing()
    {
        var disk = new PowerLossFileSystem((MainPath, Old));

        var result = new ConfigStore(disk, MainPath).Save(Slash48);

        Assert.False(result.Ok);
        Assert.Contains("Uplinks.a.LanPrefix", result.Message);
        Assert.Equal(0, disk.Steps);
        Assert.Equal(Old, disk.ReadText(MainPath));
    }

    [Fact]
    public void Save_KeepsThePreviousVersionAsBackup()
    {
        var disk = new PowerLossFileSystem((MainPath, Old), (BackupPath, Older));

        Assert.True(new ConfigStore(disk, MainPath).Save(New).Ok);

        Assert.Equal(New, disk.ReadText(MainPath));
        Assert.Equal(Old, disk.ReadText(BackupPath));
    }

    [Fact]
    public void Save_OverACorruptFile_DoesNotReplaceTheGoodBackup()
    {
        var disk = new PowerLossFileSystem((MainPath, Torn), (BackupPath, Old));

        Assert.True(new ConfigStore(disk, MainPath).Save(New).Ok);

        Assert.Equal(New, disk.ReadText(MainPath));
        Assert.Equal(Old, disk.ReadText(BackupPath));
    }

    [Fact]
    public void Save_OfTheSameText_WritesNothing_SoTheBackupSurvives()
    {
        var disk = new PowerLossFileSystem((MainPath, Old), (BackupPath, Older));

        Assert.True(new ConfigStore(disk, MainPath).Save(Old).Ok);

        Assert.Equal(0, disk.Steps);
        Assert.Equal(Older, disk.ReadText(BackupPath));
    }

    private static ConfigStore Store(params (string MainPath, string Text)[] files) =>
        new(new PowerLossFileSystem(files), MainPath);
}
