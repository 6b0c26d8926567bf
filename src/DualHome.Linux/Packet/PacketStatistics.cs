namespace DualHome.Linux.Packet;

/// <summary>PACKET_STATISTICS summed since the socket opened.</summary>
/// <param name="Received">Frames the socket was offered, dropped ones included (tp_packets).</param>
/// <param name="Dropped">Frames lost because the ring (or receive buffer) was full (tp_drops).</param>
public readonly record struct PacketStatistics(ulong Received, ulong Dropped)
{
    /// <summary>Frames that reached the ring.</summary>
    public ulong Delivered => Received - Dropped;
}
