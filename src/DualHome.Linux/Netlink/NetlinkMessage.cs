namespace DualHome.Linux.Netlink;

/// <summary>One received netlink message: its header fields and the payload after the 16-byte header.</summary>
internal readonly ref struct NetlinkMessage
{
    public NetlinkMessage(ushort type, ushort flags, uint sequence, ReadOnlySpan<byte> payload, uint portId = 0)
    {
        Type = type;
        Flags = flags;
        Sequence = sequence;
        Payload = payload;
        PortId = portId;
    }

    public ushort Type { get; }

    public ushort Flags { get; }

    public uint Sequence { get; }

    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>nlmsg_pid. In a notification: the port of the socket whose request caused it, 0 if the kernel acted on its own.</summary>
    public uint PortId { get; }
}
