using DualHome.Linux.Interop;

namespace DualHome.Linux.Packet;

/// <summary>PACKET_STATISTICS, turned from read-and-reset kernel counters into running totals.</summary>
public sealed partial class PacketSocket
{
    /// <summary>
    /// Reads the kernel's counters (which resets them, and clears TP_STATUS_LOSING on later frames) and
    /// returns the totals since open. Allocation-free; call it from the worker thread.
    /// </summary>
    public unsafe PacketStatistics ReadStatistics()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        TPacketStats stats = default;
        var length = (uint)sizeof(TPacketStats);
        if (Libc.GetSockOpt(_fd, PacketConstants.SOL_PACKET, PacketConstants.PACKET_STATISTICS, &stats, &length) != 0)
        {
            throw NativeErrorException.FromLastError("getsockopt(PACKET_STATISTICS)");
        }

        _received += stats.Packets;
        _dropped += stats.Drops;
        return new PacketStatistics(_received, _dropped);
    }
}
