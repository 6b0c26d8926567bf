using DualHome.Wire.Dhcpv6;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>What the client of one uplink sent and received, and what it refused.</summary>
public sealed class Dhcpv6Counters
{
    private readonly long[] _sent = new long[16];
    private readonly long[] _received = new long[16];
    private long _sendFailures, _reconfigureRefused, _transitions, _ignoredParts;

    /// <summary>Messages of <paramref name="type"/> sent, retransmissions included.</summary>
    public long Sent(Dhcpv6MessageType type) => Interlocked.Read(ref _sent[(int)type & 15]);

    /// <summary>Received messages that ended as <paramref name="result"/>.</summary>
    public long Received(Dhcpv6ReceiveResult result) => Interlocked.Read(ref _received[(int)result & 15]);

    public long SendFailures => Interlocked.Read(ref _sendFailures);
    /// <summary>Reconfigure messages refused (all of them: see <see cref="Dhcpv6ReceiveResult.ReconfigureRefused"/>).</summary>
    public long ReconfigureRefused => Interlocked.Read(ref _reconfigureRefused);
    public long Transitions => Interlocked.Read(ref _transitions);
    /// <summary>Accepted messages with a part RFC 8415 says to ignore (e.g. a prefix with preferred &gt; valid, §21.22).</summary>
    public long IgnoredParts => Interlocked.Read(ref _ignoredParts);

    internal void CountSent(Dhcpv6MessageType type) => Interlocked.Increment(ref _sent[(int)type & 15]);
    internal long CountReceived(Dhcpv6ReceiveResult result) => Interlocked.Increment(ref _received[(int)result & 15]);
    internal long CountSendFailure() => Interlocked.Increment(ref _sendFailures);
    internal long CountReconfigureRefused() => Interlocked.Increment(ref _reconfigureRefused);
    internal void CountTransition() => Interlocked.Increment(ref _transitions);
    internal void CountIgnoredPart() => Interlocked.Increment(ref _ignoredParts);
}
