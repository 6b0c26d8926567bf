using System.Net;

namespace DualHome.ControlPlane.Uplinks;

/// <summary>The probe rounds in flight and the matching of echo replies to them. A round's timeout is one full
/// interval while the next round starts after 75–100 % of it, so up to two rounds are open at once.</summary>
internal sealed class OutstandingRounds(IReadOnlyList<IPAddress> targets)
{
    /// <summary>A reply this many sequences behind the newest round counts as late; farther back as unknown.</summary>
    private const int LateWindow = 1024;

    private readonly List<Round> _open = []; // oldest first
    private ushort _newest;
    private long _opened;

    public TimeSpan? OldestDeadline => _open.Count > 0 ? _open[0].Deadline : null;

    public void Open(ushort sequence, TimeSpan deadline)
    {
        _open.Add(new Round(sequence, deadline, targets.Count));
        _newest = sequence;
        _opened++;
    }

    public EchoReplyResult Match(IPAddress target, ushort sequence)
    {
        int index = IndexOf(target);
        if (index < 0) return EchoReplyResult.Unknown;
        var round = _open.Find(r => r.Sequence == sequence);
        if (round is null) return WasSent(sequence) ? EchoReplyResult.Late : EchoReplyResult.Unknown;
        if (round.Answered[index]) return EchoReplyResult.Duplicate;
        round.Answered[index] = true;
        round.Count++;
        return EchoReplyResult.Accepted;
    }

    /// <summary>Closes rounds from the oldest on: those every target answered, and those whose timeout passed. A
    /// newer complete round waits for the older ones, because the health machine counts consecutive rounds.</summary>
    public void CompleteDue(TimeSpan now, Action<ProbeRound> completed)
    {
        while (_open.Count > 0 && (_open[0].Count == targets.Count || _open[0].Deadline <= now))
        {
            var round = _open[0];
            _open.RemoveAt(0);
            completed(new ProbeRound(round.Sequence, round.Count, targets.Count));
        }
    }

    /// <summary>Forgets the open rounds without results (the prober stopped); their replies will count as late.</summary>
    public void Clear() => _open.Clear();

    private bool WasSent(ushort sequence) => (ushort)(_newest - sequence) < Math.Min(_opened, LateWindow);

    private int IndexOf(IPAddress target)
    {
        for (int i = 0; i < targets.Count; i++)
            if (targets[i].Equals(target)) return i;
        return -1;
    }

    private sealed class Round(ushort sequence, TimeSpan deadline, int targets)
    {
        public ushort Sequence { get; } = sequence;
        public TimeSpan Deadline { get; } = deadline;
        public bool[] Answered { get; } = new bool[targets];
        public int Count { get; set; }
    }
}
