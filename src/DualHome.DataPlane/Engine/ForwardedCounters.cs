namespace DualHome.DataPlane.Engine;

/// <summary>
/// Frames received and sent per port by one worker. Written only by that worker (plain increments, no bus lock on
/// the packet path), read by anyone: a 64-bit read is atomic on the 64-bit targets, and a momentarily old value is
/// fine for counters.
/// </summary>
public sealed class ForwardedCounters(int ports)
{
    private readonly long[] _received = new long[ports];
    private readonly long[] _sent = new long[ports];

    public long Received(Port port) => Volatile.Read(ref _received[port.Index]);

    /// <summary>Forwarded frames and ICMPv6 errors sent out of the port.</summary>
    public long Sent(Port port) => Volatile.Read(ref _sent[port.Index]);

    private long _large;

    /// <summary>Frames longer than a transmit slot that were sent on their own, GSO super-frames mostly.</summary>
    public long Large => Volatile.Read(ref _large);

    internal void CountLarge() => _large++;
    internal void CountReceived(int port) => _received[port]++;
    internal void CountSent(int port) => _sent[port]++;
}
