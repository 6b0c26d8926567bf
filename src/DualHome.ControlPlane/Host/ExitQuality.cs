namespace DualHome.ControlPlane.Host;

/// <summary>The last <c>window</c> probe rounds through one exit: which were answered and how fast. Not thread-safe
/// (the host agent owns it under its lock).</summary>
public sealed class ExitQuality(int window)
{
    private readonly Queue<TimeSpan?> _rounds = new();

    /// <summary>One round: its round-trip time, or null when no target answered.</summary>
    public void Add(TimeSpan? rtt)
    {
        _rounds.Enqueue(rtt);
        while (_rounds.Count > window) _rounds.Dequeue();
    }

    /// <summary>True once a whole window has been seen: only then is an exit judged.</summary>
    public bool Full => _rounds.Count >= window;

    public double Loss => _rounds.Count == 0 ? 0 : _rounds.Count(r => r is null) / (double)_rounds.Count;

    /// <summary>The median of the answered rounds; null when none was.</summary>
    public TimeSpan? MedianRtt
    {
        get
        {
            var answered = _rounds.OfType<TimeSpan>().Order().ToList();
            return answered.Count == 0 ? null : answered[answered.Count / 2];
        }
    }

    public void Clear() => _rounds.Clear();

    /// <summary>A copy, for deciding while the probes go on adding rounds.</summary>
    public ExitQuality Snapshot()
    {
        var copy = new ExitQuality(window);
        foreach (var r in _rounds) copy._rounds.Enqueue(r);
        return copy;
    }

    public override string ToString() =>
        $"loss {Loss:P0}, median RTT {(MedianRtt is { } m ? $"{m.TotalMilliseconds:0.0} ms" : "none")} over {_rounds.Count} rounds";
}
