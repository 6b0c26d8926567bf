using DualHome.Config.Lifecycle;

namespace DualHome.Config.Tests.Lifecycle;

public sealed class CandidateCommitTests
{
    private readonly CandidateConfig _config = new(SampleConfigs.Valid);
    private readonly List<(SiteConfig? Old, SiteConfig New)> _applied = [];

    private ApplyResult Succeed(SiteConfig? old, SiteConfig next)
    {
        _applied.Add((old, next));
        return ApplyResult.Success("2 uplinks reconfigured");
    }

    [Fact]
    public void Commit_AppliesOldAndNew_ThenTheCandidateRuns()
    {
        var before = _config.Running;
        Assert.True(_config.Set("Uplinks.a.Probe.IntervalMs", "200").Ok);

        var result = _config.Commit(Succeed);

        Assert.True(result.Ok, result.Message);
        Assert.Contains("2 uplinks reconfigured", result.Message);
        var (old, next) = Assert.Single(_applied);
        Assert.Same(before, old);
        Assert.Equal(TimeSpan.FromMilliseconds(200), next.Uplinks[0].Probe.Interval);
        Assert.Same(next, _config.Running);
        Assert.Empty(_config.Diff());
        Assert.False(_config.HasUncommittedChanges);
        Assert.True(_config.HasUnsavedChanges);
    }

    [Fact]
    public void MarkSaved_ClearsUnsavedChanges()
    {
        Assert.False(_config.HasUnsavedChanges);
        Assert.True(_config.Set("Uplinks.a.Probe.IntervalMs", "200").Ok);
        Assert.True(_config.Commit(Succeed).Ok);

        _config.MarkSaved();

        Assert.False(_config.HasUnsavedChanges);
    }

    [Fact]
    public void Commit_WithNothingChanged_DoesNotApply()
    {
        var result = _config.Commit(Succeed);

        Assert.True(result.Ok);
        Assert.Contains("nothing to commit", result.Message);
        Assert.Empty(_applied);
    }

    [Fact]
    public void FailedApply_KeepsTheOldRunning_AndTheCandidate()
    {
        var before = _config.Running;
        Assert.True(_config.Set("Uplinks.a.Probe.IntervalMs", "200").Ok);

        var result = _config.Commit((_, _) => ApplyResult.Failure("wana: no such interface"));

        Assert.False(result.Ok);
        Assert.Contains("wana: no such interface", result.Message);
        Assert.Contains("previous configuration stays", result.Message);
        Assert.Same(before, _config.Running);
        Assert.Equal(2, _config.Diff().Count);
        Assert.False(_config.Rollback().Ok); // no commit happened, so no rollback point
    }

    [Fact]
    public void ThrowingApply_IsReportedNotThrown()
    {
        var before = _config.Running;
        Assert.True(_config.Set("Uplinks.a.Probe.IntervalMs", "200").Ok);

        var result = _config.Commit((_, _) => throw new IOException("netlink: EPERM"));

        Assert.False(result.Ok);
        Assert.Contains("netlink: EPERM", result.Message);
        Assert.Same(before, _config.Running);
    }

    [Fact]
    public void Discard_DropsTheEdits()
    {
        Assert.True(_config.Set("Uplinks.a.Probe.IntervalMs", "200").Ok);

        Assert.True(_config.Discard().Ok);

        Assert.Empty(_config.Diff());
        Assert.Equal(_config.ShowRunning(), _config.ShowCandidate());
    }

    [Fact]
    public void Rollback_WithoutACommit_IsRefused()
    {
        var result = _config.Rollback();

        Assert.False(result.Ok);
        Assert.Contains("nothing to roll back", result.Message);
    }

    [Fact]
    public void Rollback_LoadsThePreviousCommit_IntoTheCandidate_ThenCommitAppliesIt()
    {
        Assert.True(_config.Set("Uplinks.a.Probe.IntervalMs", "200").Ok);
        Assert.True(_config.Commit(Succeed).Ok);

        Assert.True(_config.Rollback().Ok);

        Assert.Equal(["- Uplinks.a.Probe.IntervalMs 200", "+ Uplinks.a.Probe.IntervalMs 100"], _config.Diff());
        Assert.Equal(TimeSpan.FromMilliseconds(200), _config.Running!.Uplinks[0].Probe.Interval); // not applied yet
        Assert.True(_config.Commit(Succeed).Ok);
        Assert.Equal(TimeSpan.FromMilliseconds(100), _config.Running!.Uplinks[0].Probe.Interval);
        Assert.Equal(TimeSpan.FromMilliseconds(200), _applied[^1].Old!.Uplinks[0].Probe.Interval);
    }

    [Fact]
    public void Rollback_Twice_ReturnsToTheConfigurationRolledBackFrom()
    {
        Assert.True(_config.Set("Uplinks.a.Probe.IntervalMs", "200").Ok);
        Assert.True(_config.Commit(Succeed).Ok);
        Assert.True(_config.Rollback().Ok);
        Assert.True(_config.Commit(Succeed).Ok);

        Assert.True(_config.Rollback().Ok);

        Assert.Equal(["- Uplinks.a.Probe.IntervalMs 100", "+ Uplinks.a.Probe.IntervalMs 200"], _config.Diff());
    }

    [Fact]
    public void Rollback_DropsUncommittedEdits()
    {
        Assert.True(_config.Set("Uplinks.a.Probe.IntervalMs", "200").Ok);
        Assert.True(_config.Commit(Succeed).Ok);
        Assert.True(_config.Set("Uplinks.b.Probe.UpAfter", "9").Ok);

        Assert.True(_config.Rollback().Ok);

        Assert.Equal(["- Uplinks.a.Probe.IntervalMs 200", "+ Uplinks.a.Probe.IntervalMs 100"], _config.Diff());
    }

    [Fact]
    public void RunningJson_RoundTripsThroughTheLoader()
    {
        Assert.True(_config.Set("Lan.Ra.Preference", "high").Ok);
        Assert.True(_config.Commit(Succeed).Ok);

        var reloaded = ConfigLoader.LoadJson(_config.RunningJson);

        Assert.True(reloaded.Ok);
        Assert.Empty(reloaded.Issues);
        Assert.Equal(RaPreference.High, reloaded.Config!.Lan.Ra.Preference);
    }
}
