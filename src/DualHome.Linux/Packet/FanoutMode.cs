namespace DualHome.Linux.Packet;

/// <summary>How the kernel spreads an interface's frames over the sockets of one fanout group (PACKET_FANOUT_*, packet(7)).</summary>
public enum FanoutMode
{
    /// <summary>By flow hash (symmetric over addresses and ports): a flow stays on one socket, so its order is kept.</summary>
    Hash = 0,

    /// <summary>Round robin, frame by frame: even load, but one flow's frames may be reordered across workers.</summary>
    LoadBalance = 1,

    /// <summary>By the CPU that received the frame.</summary>
    Cpu = 2,

    /// <summary>All to the first socket until its ring is full, then the next.</summary>
    Rollover = 3,

    /// <summary>Pseudo-random.</summary>
    Random = 4,

    /// <summary>By the receive queue the NIC recorded (skb queue mapping).</summary>
    QueueMapping = 5,
}
