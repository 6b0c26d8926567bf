namespace DualHome.ControlPlane.Uplinks;

/// <summary>The result of one probe round (one echo to each target): how many targets answered in time.</summary>
public readonly record struct ProbeRound(ushort Sequence, int Answered, int Targets)
{
    /// <summary>The uplink works while any target answers: one dead target is not an ISP failure.</summary>
    public bool AnyAnswered => Answered > 0;
}
