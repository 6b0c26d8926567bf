using DualHome.Config;
using DualHome.Config.Lifecycle;
using DualHome.Control;
using DualHome.Daemon.Configuration;
using DualHome.Daemon.Control;

namespace DualHome.Daemon.Tests;

/// <summary>Each configuration command as the control channel answers it.</summary>
public sealed class ConfigCommandsTests
{
    private readonly MemoryFiles _files = new();
    private readonly ConfigLifecycle _lifecycle;
    private readonly List<(SiteConfig? Old, SiteConfig New)> _applied = [];
    private ApplyResult _applyResult = ApplyResult.Success("applied live");
    private readonly ConfigCommands _commands;

    public ConfigCommandsTests()
    {
        _files.Files[Configs.Path] = Configs.Site();
        _lifecycle = new ConfigLifecycle(Configs.Path, _files);
        _lifecycle.Load();
        _commands = new ConfigCommands(_lifecycle, (old, next) => { _applied.Add((old, next)); return _applyResult; }, null);
    }

    private ControlResponse Run(string line)
    {
        var words = line.Split(' ');
        return _commands.TryHandle(words[0], words[1..]) ?? throw new InvalidOperationException($"'{line}' not handled");
    }

    [Fact]
    public void OtherCommands_AreNotHandled() => Assert.Null(_commands.TryHandle("show", ["status"]));

    [Fact]
    public void BadSet_NamesTheKey_AndChangesNothing()
    {
        var reply = Run("set Uplinks.a.Probe.IntervalMs fast");
        Assert.Equal(ControlStatus.Refused, reply.Status);
        Assert.Contains("Uplinks.a.Probe.IntervalMs", reply.Text);
        Assert.Equal("no uncommitted changes", Run("diff").Text);
    }

    [Fact]
    public void SetDiffCommitSave_AppliesAndPersists()
    {
        Assert.Equal(ControlStatus.Ok, Run("set Uplinks.a.Probe.IntervalMs 500").Status);
        Assert.Contains("+ Uplinks.a.Probe.IntervalMs 500", Run("diff").Text);
        Assert.Contains("uncommitted", Run("show config").Text);

        Assert.Equal(ControlStatus.Ok, Run("commit").Status);
        var (old, next) = Assert.Single(_applied);
        Assert.Equal(TimeSpan.FromMilliseconds(100), old!.Uplinks[0].Probe.Interval);
        Assert.Equal(TimeSpan.FromMilliseconds(500), next.Uplinks[0].Probe.Interval);
        Assert.Contains("not saved", Run("show config").Text);

        Assert.Equal(ControlStatus.Ok, Run("save").Status);
        Assert.Contains("\"IntervalMs\": 500", _files.Files[Configs.Path]);
        Assert.Contains("\"IntervalMs\": 100", _files.Files[Configs.Path + ".bak"]);
    }

    [Fact]
    public void FailedApply_KeepsTheRunningConfig_AndReports()
    {
        _applyResult = ApplyResult.Failure("no interface lan9 on this router: nothing changed");
        Run("set Lan.Interface lan9");

        var reply = Run("commit");

        Assert.Equal(ControlStatus.Refused, reply.Status);
        Assert.Contains("lan9", reply.Text);
        Assert.Contains("Lan.Interface lan0", Run("show config").Text);
    }

    [Fact]
    public void DiscardAndRollback()
    {
        Run("set Uplinks.a.Probe.IntervalMs 500");
        Assert.Equal(ControlStatus.Ok, Run("discard").Status);
        Assert.Equal("no uncommitted changes", Run("diff").Text);

        Run("set Uplinks.a.Probe.IntervalMs 500");
        Run("commit");
        Assert.Equal(ControlStatus.Ok, Run("rollback").Status);
        Assert.Contains("- Uplinks.a.Probe.IntervalMs 500", Run("diff").Text);
        Run("commit");
        Assert.Equal(TimeSpan.FromMilliseconds(100), _applied[^1].New.Uplinks[0].Probe.Interval);
    }

    [Fact]
    public void Usage_IsAUsageError()
    {
        Assert.Equal(ControlStatus.Usage, Run("set Lan.Interface").Status);
        Assert.Equal(ControlStatus.Usage, Run("unset").Status);
        Assert.Equal(ControlStatus.Usage, Run("show log many").Status);
    }

    [Fact]
    public void Secrets_AreNeverShown()
    {
        var set = Run("set Dns {\"Updates\":[{\"Server\":\"2001:db8:ffff::53\",\"Zone\":\"example.test\","
            + "\"Key\":{\"Name\":\"k\",\"Secret\":\"c2VjcmV0LXZhbHVlLTE2Ynl0ZXM=\"},\"Records\":[{\"Name\":\"www\",\"InterfaceId\":\"::10\"}]}]}");
        Assert.Equal(ControlStatus.Ok, set.Status);
        var shown = set.Text + Run("diff").Text + Run("show candidate").Text;
        Assert.Equal(ControlStatus.Ok, Run("commit").Status);
        shown += Run("show config").Text;
        Assert.Contains("Dns.Updates.0.Key.Secret (secret)", shown);
        Assert.DoesNotContain("c2VjcmV0", shown);
    }

    [Fact]
    public void Banner_IsEmptyWhenTheFileRuns() => Assert.Equal("", Run("show banner").Text);
}
