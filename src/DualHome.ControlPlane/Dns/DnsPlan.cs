using System.Net;

namespace DualHome.ControlPlane.Dns;

/// <summary>What one record's AAAA set should become: every working uplink's address in it, none of a dead one's.</summary>
public sealed record RecordPlan(string Name, IReadOnlyList<IPAddress> Present, IReadOnlyList<IPAddress> Absent);

/// <summary>
/// One UPDATE's worth of intent for a zone: add the present addresses and delete the absent ones, in one message,
/// so the server applies it atomically (RFC 2136 §3.4) and a name never passes through an empty AAAA set. Plans
/// replace each other: only the newest is ever sent (<see cref="Generation"/> tells them apart).
/// </summary>
public sealed record DnsPlan(long Generation, IReadOnlyList<RecordPlan> Records)
{
    public bool SameIntent(DnsPlan other) =>
        Records.Count == other.Records.Count && Records.Zip(other.Records).All(p =>
            p.First.Name == p.Second.Name && p.First.Present.SequenceEqual(p.Second.Present) && p.First.Absent.SequenceEqual(p.Second.Absent));
}
