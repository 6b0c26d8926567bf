namespace DualHome.Linux.Packet;

/// <summary>sll_pkttype (linux/if_packet.h): how the frame's destination MAC relates to the receiving interface.</summary>
public enum PacketType : byte
{
    /// <summary>To this interface's MAC.</summary>
    Host = 0,

    Broadcast = 1,

    Multicast = 2,

    /// <summary>To another MAC (seen only in promiscuous mode, or on a bridge port).</summary>
    OtherHost = 3,

    /// <summary>Sent by this host (only without <see cref="PacketSocketOptions.IgnoreOutgoing"/>).</summary>
    Outgoing = 4,
}
