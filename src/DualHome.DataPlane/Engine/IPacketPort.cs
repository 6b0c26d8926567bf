using DualHome.Wire.Offload;

namespace DualHome.DataPlane.Engine;

/// <summary>
/// One port's frame I/O as a forwarding worker sees it: a receive ring read in place and a transmit ring written in
/// place (AF_PACKET TPACKET rings on Linux, queues in the tests). Owned by one worker thread; nothing here may
/// allocate or block.
/// </summary>
public interface IPacketPort
{
    /// <summary>
    /// The next received frame, valid until <see cref="ReleaseReceived"/>, with its offload header (PACKET_VNET_HDR: GSO
    /// and checksum metadata; <see cref="VirtioNetHeader.None"/> without it); false when none is waiting. A frame too
    /// long for a ring slot (a GRO super-frame) is read whole into <paramref name="large"/>: its header in the first
    /// <see cref="VirtioNetHeader.Length"/> bytes, the frame after them, so it can be rewritten and sent from there
    /// (<see cref="TrySendLarge"/>). Release it all the same.
    /// </summary>
    bool TryReceive(Span<byte> large, out ReadOnlySpan<byte> frame, out VirtioNetHeader offload);

    /// <summary>Hands the frame from <see cref="TryReceive"/> back to the ring.</summary>
    void ReleaseReceived();

    /// <summary>A free transmit slot to write one frame into; false when the ring is full.</summary>
    bool TryGetTransmitSlot(out Span<byte> slot);

    /// <summary>Queues the first <paramref name="length"/> bytes of the slot for sending, asking the kernel to apply
    /// <paramref name="offload"/> (segment, fill the checksum); a port without offload headers ignores it.</summary>
    void CommitTransmit(int length, in VirtioNetHeader offload);

    /// <summary>
    /// Sends one frame too long for a transmit slot, after everything committed (order kept): the frame starts at
    /// <see cref="VirtioNetHeader.Length"/> in <paramref name="headroomAndFrame"/>, and the port writes
    /// <paramref name="offload"/> in front of it. False when the port cannot send such frames or the kernel refused.
    /// </summary>
    bool TrySendLarge(Span<byte> headroomAndFrame, in VirtioNetHeader offload);

    /// <summary>Sends everything committed (one system call for the batch).</summary>
    void FlushTransmit();

    /// <summary>Frames the receive ring had no room for since the last call (the kernel's count); 0 if unknown.</summary>
    long TakeReceiveDrops();
}

/// <summary>A worker's ports and how it sleeps until one of them has a frame.</summary>
public interface IWorkerIo
{
    /// <summary>Indexed by <see cref="Port.Index"/>: the LAN, then the uplinks.</summary>
    IReadOnlyList<IPacketPort> Ports { get; }

    /// <summary>Waits until a port may have a frame, or the timeout passes (poll(2) on Linux); returns at once,
    /// without a system call, when <see cref="AnyReady"/>.</summary>
    void Wait(TimeSpan timeout);

    /// <summary>True when a port's receive ring holds a frame now: a look at shared memory, no system call.</summary>
    bool AnyReady();

    /// <summary>Sleeps for <paramref name="duration"/> without asking to be woken by a frame (a timer, not poll).</summary>
    void Nap(TimeSpan duration);
}
