namespace DualHome.ControlPlane.Uplinks;

/// <summary>What one uplink's prober sent and received, and what it ignored.</summary>
public sealed class ProbeCounters
{
    private long _rounds, _sent, _answered, _sendFailures, _duplicate, _late, _unknown;

    public long Rounds => Interlocked.Read(ref _rounds);
    public long Sent => Interlocked.Read(ref _sent);
    public long Answered => Interlocked.Read(ref _answered);
    public long SendFailures => Interlocked.Read(ref _sendFailures);
    public long Duplicate => Interlocked.Read(ref _duplicate);
    public long Late => Interlocked.Read(ref _late);
    public long Unknown => Interlocked.Read(ref _unknown);
    public long Stray => Duplicate + Late + Unknown;

    internal void CountRound() => Interlocked.Increment(ref _rounds);
    internal void CountSent() => Interlocked.Increment(ref _sent);
    internal void CountSendFailure() => Interlocked.Increment(ref _sendFailures);

    /// <summary>Counts one reply by its fate; returns the new count of that fate, so the caller can log rarely.</summary>
    internal long CountReply(EchoReplyResult result) => result switch
    {
        EchoReplyResult.Accepted => Interlocked.Increment(ref _answered),
        EchoReplyResult.Duplicate => Interlocked.Increment(ref _duplicate),
        EchoReplyResult.Late => Interlocked.Increment(ref _late),
        _ => Interlocked.Increment(ref _unknown),
    };
}
