using DualHome.Config;
using DualHome.Config.Lifecycle;
using DualHome.Control;
using DualHome.Daemon.Configuration;

namespace DualHome.Daemon.Control;

/// <summary>
/// The configuration commands of the control channel (issue 6): <c>show config</c>, <c>show candidate</c>,
/// <c>show banner</c>, <c>show log [N]</c>, <c>set KEY VALUE</c>, <c>unset KEY</c>, <c>diff</c>, <c>commit</c>,
/// <c>save</c>, <c>discard</c>, <c>rollback</c>. Secrets never leave: every line comes from the redacting views.
/// </summary>
public sealed class ConfigCommands(ConfigLifecycle lifecycle, Func<SiteConfig?, SiteConfig, ApplyResult> apply, string? logPath)
{
    public const string Help = """
        show config                        the running configuration (KEY VALUE lines, secrets hidden)
        show candidate                     the configuration being edited
        show log [N]                       the last N log lines (default 20)
        set KEY VALUE                      change the candidate, e.g. set Uplinks.a.Probe.IntervalMs 200
        unset KEY                          back to the default
        diff                               candidate against running
        commit                             validate and apply the candidate (live when possible)
        save                               persist the running configuration (survives power loss)
        discard                            drop uncommitted changes
        rollback                           make the configuration before the last commit the candidate
        """;

    /// <summary>The reply, or null when the command is not a configuration command.</summary>
    public ControlResponse? TryHandle(string command, IReadOnlyList<string> args) => (command, args.Count) switch
    {
        ("show", >= 1) when args[0] == "config" => Lines(lifecycle.Candidate.ShowRunning(), PendingNote()),
        ("show", >= 1) when args[0] == "candidate" => Lines(lifecycle.Candidate.ShowCandidate(), ""),
        ("show", >= 1) when args[0] == "banner" => ControlResponse.Ok(lifecycle.Banner?.TrimEnd() ?? ""),
        ("show", >= 1) when args[0] == "log" => ShowLog(args),
        ("set", >= 2) => Reply(lifecycle.Candidate.Set(args[0], string.Join(' ', args.Skip(1)))),
        ("set", _) => ControlResponse.Usage("usage: set KEY VALUE (e.g. set Uplinks.a.Probe.IntervalMs 200)"),
        ("unset", 1) => Reply(lifecycle.Candidate.Unset(args[0])),
        ("unset", _) => ControlResponse.Usage("usage: unset KEY"),
        ("diff", 0) => Lines(lifecycle.Candidate.Diff(), "", empty: "no uncommitted changes"),
        ("commit", 0) => Reply(lifecycle.Candidate.Commit(apply)),
        ("save", 0) => Reply(lifecycle.Save()),
        ("discard", 0) => Reply(lifecycle.Candidate.Discard()),
        ("rollback", 0) => Reply(lifecycle.Candidate.Rollback()),
        _ => null,
    };

    private string PendingNote() =>
        (lifecycle.Candidate.HasUncommittedChanges ? "\n(uncommitted changes: see diff)" : "")
        + (lifecycle.Candidate.HasUnsavedChanges ? "\n(not saved: a restart would lose the committed changes; see save)" : "");

    private static ControlResponse Lines(IReadOnlyList<string> lines, string note, string empty = "(empty)") =>
        ControlResponse.Ok((lines.Count == 0 ? empty : string.Join('\n', lines)) + note);

    private static ControlResponse Reply(ConfigCommandResult result)
    {
        var detail = result.Issues.Count == 0 || result.Message.Contains(result.Issues[0].Key, StringComparison.Ordinal)
            ? "" : "\n" + string.Join('\n', result.Issues.Select(i => i.ToString()));
        return result.Ok ? ControlResponse.Ok(result.Message + detail) : ControlResponse.Refused(result.Message + detail);
    }

    private ControlResponse ShowLog(IReadOnlyList<string> args)
    {
        int count = 20;
        if (args.Count > 1 && (!int.TryParse(args[1], out count) || count is < 1 or > 10_000))
            return ControlResponse.Usage($"'{args[1]}' is not a line count (1..10000)");
        if (logPath is null) return ControlResponse.Refused("no log file is configured");
        return LogTail.Read(logPath, count) is { } text
            ? ControlResponse.Ok(text)
            : ControlResponse.Refused($"cannot read the log {logPath}");
    }
}
