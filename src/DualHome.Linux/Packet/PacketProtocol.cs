namespace DualHome.Linux.Packet;

/// <summary>Which frames a <see cref="PacketSocket"/> receives (the protocol it binds to, packet(7)).</summary>
public enum PacketProtocol
{
    /// <summary>Protocol 0: the socket receives nothing, for a send-only socket (a TX ring on an egress port).</summary>
    None,

    /// <summary>ETH_P_ALL: every frame, whatever its EtherType (ND, MLD and IPv4 included).</summary>
    All,

    /// <summary>ETH_P_IPV6: only frames with EtherType 0x86DD.</summary>
    Ipv6,
}
