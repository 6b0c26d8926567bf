using DualHome.Config.Lifecycle;
using static DualHome.Config.Tests.Lifecycle.StoreConfigs;

namespace DualHome.Config.Tests.Lifecycle;

/// <summary>Power loss after every step of a save. Steps of a save over a valid file (fake steps, see
/// <see cref="PowerLossFileSystem"/>): 1 write PATH.bak.tmp, 2 fsync it, 3 rename it to PATH.bak, 4 fsync the
/// directory, 5 write PATH.tmp, 6 fsync it, 7 rename it to PATH, 8 fsync the directory. With no valid PATH the
/// backup steps 1–4 are skipped. Crash point k = power lost after k steps (k = all steps: the save completed).</summary>
public sealed class ConfigStoreCrashTests
{
    private const int StepsOverValidFile = 8;
    private const int StepsWithoutBackup = 4;

    public static TheoryData<int> OverValidFile => new(Enumerable.Range(0, StepsOverValidFile + 1));
    public static TheoryData<int> WithoutBackup => new(Enumerable.Range(0, StepsWithoutBackup + 1));

    [Fact]
    public void StepCounts_MatchTheDocumentedSequence()
    {
        var overValid = new PowerLossFileSystem((MainPath, Old), (BackupPath, Older));
        var first = new PowerLossFileSystem();

        Assert.True(new ConfigStore(overValid, MainPath).Save(New).Ok);
        Assert.True(new ConfigStore(first, MainPath).Save(New).Ok);

        Assert.Equal(StepsOverValidFile, overValid.Steps);
        Assert.Equal(StepsWithoutBackup, first.Steps);
    }

    [Theory]
    [MemberData(nameof(OverValidFile))]
    public void CrashDuringSave_BootsOnTheOldOrTheNewFile_WithThePreviousAsBackup(int crashAfter)
    {
        var disk = SaveUntilPowerLoss(new PowerLossFileSystem((MainPath, Old), (BackupPath, Older)), crashAfter);

        foreach (var boot in disk.AfterPowerLoss())
        {
            var load = new ConfigStore(boot, MainPath).Load();
            Assert.Equal(ConfigSource.MainFile, load.Source);
            Assert.Null(load.Banner);
            Assert.True(load.Json == Old || load.Json == New, $"after step {crashAfter} the file is neither old nor new");
            var backup = boot.ReadText(BackupPath);
            Assert.True(backup == Older || backup == Old, $"after step {crashAfter} the backup is damaged");
            if (load.Json == New)
                Assert.Equal(Old, backup);
            if (crashAfter == StepsOverValidFile)
                Assert.Equal(New, load.Json); // a save that returned is durable
        }
    }

    [Theory]
    [MemberData(nameof(WithoutBackup))]
    public void CrashDuringFirstSave_BootsUnconfiguredOrOnTheNewFile(int crashAfter)
    {
        var disk = SaveUntilPowerLoss(new PowerLossFileSystem(), crashAfter);

        foreach (var boot in disk.AfterPowerLoss())
        {
            var load = new ConfigStore(boot, MainPath).Load();
            Assert.True(load.Source == ConfigSource.None || load.Json == New, $"after step {crashAfter}: {load.Message}");
            Assert.True(load.Source == ConfigSource.MainFile || load.Json is null);
            if (crashAfter == StepsWithoutBackup)
                Assert.Equal(New, load.Json);
        }
    }

    [Theory]
    [MemberData(nameof(WithoutBackup))]
    public void CrashDuringSaveOverCorruptFile_KeepsTheGoodBackup(int crashAfter)
    {
        var disk = SaveUntilPowerLoss(new PowerLossFileSystem((MainPath, Torn), (BackupPath, Old)), crashAfter);

        foreach (var boot in disk.AfterPowerLoss())
        {
            var load = new ConfigStore(boot, MainPath).Load();
            Assert.NotEqual(ConfigSource.None, load.Source);
            Assert.Equal(load.Source == ConfigSource.Backup ? Old : New, load.Json);
            Assert.Equal(Old, boot.ReadText(BackupPath));
        }
    }

    [Theory]
    [MemberData(nameof(OverValidFile))]
    public void SaveAfterACrash_Succeeds(int crashAfter)
    {
        var disk = SaveUntilPowerLoss(new PowerLossFileSystem((MainPath, Old), (BackupPath, Older)), crashAfter);
        const string Newest = """{ "Uplinks": [ { "Name": "z", "Interface": "wanz", "Gateway": "fe80::1", "LanPrefix": "2001:db8:f:1::/64" } ] }""";

        foreach (var boot in disk.AfterPowerLoss())
        {
            var store = new ConfigStore(boot, MainPath);
            Assert.True(store.Save(Newest).Ok);
            Assert.Equal(Newest, store.Load().Json);
        }
    }

    /// <summary>The model must be able to catch a bad save: writing the file in place can leave it torn.</summary>
    [Fact]
    public void Model_CatchesAnInPlaceWrite()
    {
        var disk = new PowerLossFileSystem((MainPath, Old), (BackupPath, Older));
        disk.CutPowerAfter(1);

        Assert.Throws<PowerLossException>(() => disk.WriteAndSync(MainPath, New));

        var sources = disk.AfterPowerLoss().Select(boot => new ConfigStore(boot, MainPath).Load()).ToList();
        Assert.Contains(sources, l => l.Source == ConfigSource.Backup && l.Json == Older);
    }

    /// <summary>...and must not assume that a rename is durable before the directory is synced.</summary>
    [Fact]
    public void Model_UnsyncedRenameMayOrMayNotSurvive()
    {
        var disk = new PowerLossFileSystem(("/d/f", "old"));
        disk.WriteAndSync("/d/f.tmp", "new");
        disk.Rename("/d/f.tmp", "/d/f");

        Assert.Equal(["new", "old"], disk.AfterPowerLoss().Select(b => b.ReadText("/d/f")).Distinct().Order());

        disk.SyncDirectory("/d");
        Assert.Equal(["new"], disk.AfterPowerLoss().Select(b => b.ReadText("/d/f")));
    }

    private static PowerLossFileSystem SaveUntilPowerLoss(PowerLossFileSystem disk, int crashAfter)
    {
        disk.CutPowerAfter(crashAfter);
        try
        {
            Assert.True(new ConfigStore(disk, MainPath).Save(New).Ok);
        }
        catch (PowerLossException)
        {
            // The machine stopped here; what the next boot finds is the question.
        }
        return disk;
    }
}
