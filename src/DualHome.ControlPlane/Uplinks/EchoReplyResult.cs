namespace DualHome.ControlPlane.Uplinks;

/// <summary>What became of an echo reply handed to the monitor. Only <see cref="Accepted"/> counts toward health;
/// the others are ignored and counted.</summary>
public enum EchoReplyResult
{
    /// <summary>The first reply from this target to an open round.</summary>
    Accepted,
    /// <summary>A second reply from the same target to the same round (ICMPv6 echo can be duplicated).</summary>
    Duplicate,
    /// <summary>A reply to a round already closed by its timeout: too late to count, or the round was a miss.</summary>
    Late,
    /// <summary>Another identifier (someone else's ping), a target not probed, or a sequence never sent.</summary>
    Unknown,
}
