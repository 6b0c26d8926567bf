namespace DualHome.Testbed.Board;

/// <summary>One LED as first seen in a new state, and how many reads in a row saw it.</summary>
public sealed record LedSample(DateTimeOffset Time, string Led, LedReading Reading)
{
    public LedShows Shows => Reading.Shows;

    /// <summary>Reads that saw this state (1 until the next poll). A state seen by a single read, with a change at
    /// the next, was caught between two of the daemon's writes (e.g. the timer trigger selected, its delays not yet
    /// written): it lasted less than one poll interval.</summary>
    public int Reads { get; internal set; } = 1;

    public bool Transient => Reads == 1;

    public override string ToString() => $"{Time:HH:mm:ss.fff} {Led}: {Reading}{(Reads == 1 ? " (one read)" : "")}";
}

/// <summary>
/// Reads every LED of a <see cref="LedClassDirectory"/> every few milliseconds and keeps each change with the wall
/// clock it was first seen at, so a scenario can ask what an LED showed at a moment, when it first showed a pattern
/// after an injection, and whether it changed at all. Reads are of local files; nothing is spawned.
/// </summary>
public sealed class LedRecorder : IAsyncDisposable
{
    private readonly LedClassDirectory _leds;
    private readonly List<LedSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LedRecorder(LedClassDirectory leds, TimeSpan interval)
    {
        _leds = leds;
        Sample();
        _loop = Task.Run(() => LoopAsync(interval));
    }

    /// <summary>The LEDs recorded.</summary>
    public LedClassDirectory Leds => _leds;

    public static LedRecorder Start(LedClassDirectory leds, TimeSpan? interval = null) => new(leds, interval ?? Poll.Fine);

    /// <summary>Every change so far (optionally of one LED, at or after a moment), in order.</summary>
    public IReadOnlyList<LedSample> Changes(string? led = null, DateTimeOffset? since = null)
    {
        lock (_samples)
            return _samples.Where(s => (led is null || s.Led == led) && (since is null || s.Time >= since)).ToList();
    }

    /// <summary>The state of <paramref name="led"/> in force at <paramref name="at"/> (its last change before then).</summary>
    public LedSample At(string led, DateTimeOffset at)
    {
        lock (_samples)
        {
            var mine = _samples.Where(s => s.Led == led).ToList(); // never empty: the first sample is taken at start
            return mine.LastOrDefault(s => s.Time <= at) ?? mine[0];
        }
    }

    public LedSample Current(string led) => At(led, DateTimeOffset.MaxValue);

    /// <summary>The LED showing <paramref name="shows"/>: its state at <paramref name="since"/> if it showed it
    /// already, else the first change into it after then; null after the timeout.</summary>
    public Task<LedSample?> TryWaitForAsync(string led, LedShows shows, DateTimeOffset since, TimeSpan timeout,
        CancellationToken cancel = default) =>
        Poll.TryForAsync(() => Task.FromResult(Find(led, shows, since)), timeout, Poll.Fine, cancel);

    public async Task<LedSample> WaitForAsync(string led, LedShows shows, DateTimeOffset since, TimeSpan timeout,
        CancellationToken cancel = default) =>
        await TryWaitForAsync(led, shows, since, timeout, cancel)
        ?? throw new TimeoutException($"LED {led} did not show {shows} within {timeout.TotalSeconds:0.#} s; " +
                                      $"now {Current(led).Reading}; since then: {Describe(since)}");

    /// <summary>
    /// The patterns <paramref name="led"/> showed from <paramref name="since"/> (the one in force then first) until
    /// <paramref name="until"/>, in order, each once: states seen by a single read (<see cref="LedSample.Transient"/>)
    /// are left out, except the last, which may simply not have been read twice yet.
    /// </summary>
    public IReadOnlyList<LedShows> Shown(string led, DateTimeOffset since, DateTimeOffset? until = null)
    {
        var shown = new List<LedShows> { At(led, since).Shows };
        var changes = Changes(led, since).Where(s => s.Time > since && (until is null || s.Time < until)).ToList();
        for (int i = 0; i < changes.Count; i++)
        {
            if (changes[i].Transient && i < changes.Count - 1) continue;
            if (changes[i].Shows != shown[^1]) shown.Add(changes[i].Shows);
        }
        return shown;
    }

    /// <summary>The changes at or after <paramref name="since"/>, one per line (for logs and failure messages).</summary>
    public string Describe(DateTimeOffset since) =>
        Changes(since: since) is { Count: > 0 } list ? "\n  " + string.Join("\n  ", list) : "(no change)";

    private LedSample? Find(string led, LedShows shows, DateTimeOffset since)
    {
        var before = At(led, since);
        if (before.Shows == shows) return before;
        return Changes(led, since).FirstOrDefault(s => s.Shows == shows);
    }

    private async Task LoopAsync(TimeSpan interval)
    {
        while (!_stop.IsCancellationRequested)
        {
            Sample();
            try { await Task.Delay(interval, _stop.Token); }
            catch (OperationCanceledException) { return; }
        }
    }

    private void Sample()
    {
        foreach (var led in _leds.Names)
        {
            var reading = _leds.Read(led);
            var now = DateTimeOffset.UtcNow;
            lock (_samples)
            {
                if (_samples.LastOrDefault(s => s.Led == led) is { } last && last.Reading == reading)
                {
                    last.Reads++;
                    continue;
                }
                _samples.Add(new LedSample(now, led, reading));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
