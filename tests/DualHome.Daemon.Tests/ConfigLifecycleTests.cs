using DualHome.Daemon.Configuration;

namespace DualHome.Daemon.Tests;

/// <summary>Where the daemon's configuration comes from at start, and the factory reset.</summary>
public sealed class ConfigLifecycleTests
{
    private readonly MemoryFiles _files = new();
    private ConfigLifecycle Lifecycle() => new(Configs.Path, _files);
    private const string Factory = "/etc/dualhome/dualhome.factory.json";

    [Fact]
    public void ValidFile_IsRun_WithoutBanner()
    {
        _files.Files[Configs.Path] = Configs.Site(200);
        var lifecycle = Lifecycle();
        var config = lifecycle.Load();
        Assert.Equal(TimeSpan.FromMilliseconds(200), config!.Uplinks[0].Probe.Interval);
        Assert.Null(lifecycle.Banner);
    }

    [Fact]
    public void CorruptFile_FallsBackToTheBackup_Loudly()
    {
        _files.Files[Configs.Path] = "{ \"Lan\": ";
        _files.Files[Configs.Path + ".bak"] = Configs.Site(300);
        var lifecycle = Lifecycle();
        var config = lifecycle.Load();
        Assert.Equal(TimeSpan.FromMilliseconds(300), config!.Uplinks[0].Probe.Interval);
        Assert.Contains(".bak", lifecycle.Banner);
    }

    [Fact]
    public void NoUsableFileOrBackup_RunsTheFactoryDefaults_WithABanner()
    {
        _files.Files[Configs.Path] = "not json";
        _files.Files[Factory] = Configs.Site(400);
        var lifecycle = Lifecycle();
        Assert.Equal(Factory, lifecycle.FactoryPath);
        var config = lifecycle.Load();
        Assert.Equal(TimeSpan.FromMilliseconds(400), config!.Uplinks[0].Probe.Interval);
        Assert.Contains("factory defaults", lifecycle.Banner);
        Assert.True(lifecycle.Candidate.HasUnsavedChanges); // `save` makes them the configuration
    }

    [Fact]
    public void NothingUsable_RunsUnconfigured_NotDead()
    {
        _files.Files[Configs.Path] = "not json";
        var lifecycle = Lifecycle();
        Assert.Null(lifecycle.Load());
        Assert.NotNull(lifecycle.Banner);
    }

    [Fact]
    public void FactoryReset_SavesTheDefaults_AndKeepsTheOldConfigAsBackup()
    {
        _files.Files[Configs.Path] = Configs.Site(200);
        _files.Files[Factory] = Configs.Site(100);
        var lifecycle = Lifecycle();
        lifecycle.Load();

        var result = lifecycle.FactoryReset();

        Assert.True(result.Ok, result.Message);
        Assert.Equal(Configs.Site(100), _files.Files[Configs.Path]);
        Assert.Equal(Configs.Site(200), _files.Files[Configs.Path + ".bak"]);
        Assert.Equal(TimeSpan.FromMilliseconds(100), lifecycle.Candidate.Running!.Uplinks[0].Probe.Interval);
    }

    [Fact]
    public void FactoryReset_WithoutDefaults_IsRefused_AndChangesNothing()
    {
        _files.Files[Configs.Path] = Configs.Site(200);
        var lifecycle = Lifecycle();
        lifecycle.Load();

        var result = lifecycle.FactoryReset();

        Assert.False(result.Ok);
        Assert.Contains("no factory defaults", result.Message);
        Assert.Equal(Configs.Site(200), _files.Files[Configs.Path]);
        Assert.False(_files.Files.ContainsKey(Configs.Path + ".bak"));
    }
}
