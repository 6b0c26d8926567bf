using System.Text.Json.Nodes;

namespace DualHome.Config.Lifecycle;

/// <summary>
/// The running configuration and the candidate the console edits (one candidate, shared by all sessions).
/// <c>set</c>/<c>unset</c> edit the candidate and are refused whole if they introduce an issue (<see cref="IssueDelta"/>);
/// <c>commit</c> validates, applies, and makes the candidate running; <c>rollback</c> loads the configuration that
/// ran before the last commit into the candidate; <c>save</c> (<see cref="ConfigStore"/>) persists <see cref="RunningJson"/>,
/// never the uncommitted candidate. Thread-safe: control sessions run concurrently.
/// </summary>
public sealed class CandidateConfig
{
    private readonly Lock _gate = new();
    private JsonObject _running;
    private JsonObject _candidate;
    private List<ConfigIssue> _candidateIssues;
    private JsonObject? _beforeLastCommit;
    private JsonObject? _saved;

    /// <param name="runningJson">The configuration in force, as loaded ("{}" when there was none).</param>
    /// <param name="isSaved">False when it did not come from the main file (backup, defaults): `save` is due.</param>
    public CandidateConfig(string runningJson, bool isSaved = true)
    {
        _running = JsonText.TryParse(runningJson, out var error) as JsonObject
            ?? throw new ArgumentException($"the running configuration is not a JSON object: {error}", nameof(runningJson));
        Running = ConfigLoader.LoadJson(JsonText.Indented(_running)).Config;
        _candidate = Clone(_running);
        _candidateIssues = IssueDelta.Validate(_candidate);
        _saved = isSaved ? Clone(_running) : null;
    }

    /// <summary>The validated configuration in force; null when the router started without a usable one.</summary>
    public SiteConfig? Running { get; private set; }

    /// <summary>The running document as the file holds it, secrets included: for <see cref="ConfigStore.Save"/> only.</summary>
    public string RunningJson { get { lock (_gate) return JsonText.Indented(_running); } }

    public bool HasUncommittedChanges { get { lock (_gate) return !JsonNode.DeepEquals(_running, _candidate); } }

    /// <summary>True when a reboot would lose committed changes.</summary>
    public bool HasUnsavedChanges { get { lock (_gate) return !JsonNode.DeepEquals(_running, _saved); } }

    /// <summary>`show config`: "KEY VALUE" lines of the running configuration, secrets redacted.</summary>
    public IReadOnlyList<string> ShowRunning() { lock (_gate) return ConfigFlattener.Lines(_running); }

    public IReadOnlyList<string> ShowCandidate() { lock (_gate) return ConfigFlattener.Lines(_candidate); }

    /// <summary>`diff`: running → candidate, "- KEY OLD" then "+ KEY NEW", ordered by key, secrets redacted.</summary>
    public IReadOnlyList<string> Diff() { lock (_gate) return ConfigDiff.Lines(_running, _candidate); }

    /// <summary>`set KEY VALUE`: VALUE becomes the type KEY holds (number, list, string…; a JSON literal is accepted).</summary>
    public ConfigCommandResult Set(string key, string value)
    {
        if (ConfigKey.TryParse(key, out var error) is not { } k)
            return ConfigCommandResult.Failure(error);
        lock (_gate)
        {
            var node = ValueParser.Parse(k, value, KeyKinds.Of(k, JsonTree.Find(_candidate, k)), out error);
            if (node is null)
                return ConfigCommandResult.Failure($"set refused, nothing changed: {error}");
            string done = node is JsonValue ? $"{k} set to {Redaction.Value(k.ToString(), value.Trim())}" : $"{k} set";
            return Edit("set", k, doc => JsonTree.Put(doc, k, node), done);
        }
    }

    /// <summary>`unset KEY`: removes the key from the candidate, so its default applies ("Uplinks.b" removes b).</summary>
    public ConfigCommandResult Unset(string key)
    {
        if (ConfigKey.TryParse(key, out var error) is not { } k)
            return ConfigCommandResult.Failure(error);
        lock (_gate)
            return Edit("unset", k, doc => JsonTree.Remove(doc, k), $"{k} unset (its default applies)");
    }

    /// <summary>`discard`: the candidate becomes the running configuration again.</summary>
    public ConfigCommandResult Discard()
    {
        lock (_gate)
        {
            ReplaceCandidate(_running);
            return ConfigCommandResult.Success("candidate discarded");
        }
    }

    /// <summary>`rollback`: the candidate becomes the configuration that ran before the last commit (uncommitted
    /// edits are dropped); `commit` then applies it, and another rollback returns to the one rolled back from.</summary>
    public ConfigCommandResult Rollback()
    {
        lock (_gate)
        {
            if (_beforeLastCommit is null)
                return ConfigCommandResult.Failure("nothing to roll back to: no commit since the daemon started");
            ReplaceCandidate(_beforeLastCommit);
            return ConfigCommandResult.Success("candidate is the configuration before the last commit: `diff` to review, `commit` to apply");
        }
    }

    /// <summary>`commit`: validates the candidate and calls <paramref name="apply"/>(running, candidate). Only if
    /// that succeeds does the candidate become running and the old running the rollback point.</summary>
    public ConfigCommandResult Commit(Func<SiteConfig?, SiteConfig, ApplyResult> apply)
    {
        lock (_gate)
        {
            var load = ConfigLoader.LoadJson(JsonText.Indented(_candidate));
            if (load.Config is null)
            {
                var errors = _candidateIssues.Where(i => i.Severity == IssueSeverity.Error);
                return ConfigCommandResult.Failure($"commit refused, nothing applied: {IssueDelta.Describe(errors)}", _candidateIssues);
            }
            if (JsonNode.DeepEquals(_running, _candidate))
                return ConfigCommandResult.Success("nothing to commit");
            var applied = Apply(apply, Running, load.Config);
            if (!applied.Ok)
                return ConfigCommandResult.Failure($"commit failed, the previous configuration stays in force: {applied.Message}");
            (_beforeLastCommit, _running, Running) = (_running, Clone(_candidate), load.Config);
            return ConfigCommandResult.Success($"committed: {applied.Message} (`save` to keep it across a reboot)", _candidateIssues);
        }
    }

    /// <summary>Tells the lifecycle that <see cref="RunningJson"/> was persisted.</summary>
    public void MarkSaved()
    {
        lock (_gate)
            _saved = Clone(_running);
    }

    /// <summary>Edits a copy of the candidate and keeps it only if the edit worked and introduced no issue.</summary>
    private ConfigCommandResult Edit(string verb, ConfigKey key, Func<JsonObject, string?> edit, string done)
    {
        var next = Clone(_candidate);
        if (edit(next) is { } error)
            return ConfigCommandResult.Failure($"{verb} refused, nothing changed: {error}");
        var issues = IssueDelta.Validate(next);
        var introduced = IssueDelta.Introduced(_candidateIssues, issues);
        if (introduced.Count > 0)
            return ConfigCommandResult.Failure($"{verb} {key} refused, nothing changed: {IssueDelta.Describe(introduced)}", introduced);
        (_candidate, _candidateIssues) = (next, issues);
        return ConfigCommandResult.Success(done, issues);
    }

    private void ReplaceCandidate(JsonObject source)
    {
        _candidate = Clone(source);
        _candidateIssues = IssueDelta.Validate(_candidate);
    }

    /// <summary>The applier drives the kernel: whatever it throws, the console must survive to report it, and the
    /// running configuration stays the old one.</summary>
    private static ApplyResult Apply(Func<SiteConfig?, SiteConfig, ApplyResult> apply, SiteConfig? old, SiteConfig next)
    {
        try { return apply(old, next); }
        catch (Exception e) { return ApplyResult.Failure($"{e.GetType().Name}: {e.Message}"); }
    }

    private static JsonObject Clone(JsonObject o) => (JsonObject)o.DeepClone();
}
