namespace DualHome.Linux.Packet;

/// <summary>What the kernel says about one received frame, read from its tpacket2_hdr and sockaddr_ll.</summary>
/// <param name="Length">tp_len: the frame's length on the wire (a GSO super-frame can exceed the MTU).</param>
/// <param name="CaptureLength">tp_snaplen: the bytes in the ring; less than Length when the frame did not fit.</param>
/// <param name="TimestampNanoseconds">Arrival time, nanoseconds since the Unix epoch (software timestamp).</param>
public readonly record struct PacketMeta(
    int Length,
    int CaptureLength,
    RxFrameStatus Status,
    PacketType PacketType,
    ushort VlanTci,
    long TimestampNanoseconds)
{
    /// <summary>The frame was longer than the ring frame: only <see cref="CaptureLength"/> bytes are present.</summary>
    public bool Truncated => CaptureLength < Length;
}
