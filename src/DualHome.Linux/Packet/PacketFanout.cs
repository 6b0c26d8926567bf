namespace DualHome.Linux.Packet;

/// <summary>
/// Membership of a PACKET_FANOUT group: every socket of a namespace that joins <paramref name="GroupId"/>
/// with the same mode and the same interface shares that interface's frames, each frame going to one of them.
/// </summary>
/// <param name="Defrag">PACKET_FANOUT_FLAG_DEFRAG: reassemble IPv4 fragments before hashing (no effect on IPv6).</param>
/// <param name="RolloverWhenFull">PACKET_FANOUT_FLAG_ROLLOVER: a frame whose socket's ring is full goes to another member.</param>
public readonly record struct PacketFanout(ushort GroupId, FanoutMode Mode, bool Defrag = false, bool RolloverWhenFull = false)
{
    private const int FlagRollover = 0x1000;
    private const int FlagDefrag = 0x8000;

    /// <summary>The PACKET_FANOUT int: group id in the low 16 bits, mode and flags in the high 16 (linux/if_packet.h).</summary>
    internal int ToOptionValue()
    {
        var typeFlags = (int)Mode | (Defrag ? FlagDefrag : 0) | (RolloverWhenFull ? FlagRollover : 0);
        return GroupId | (typeFlags << 16);
    }
}
