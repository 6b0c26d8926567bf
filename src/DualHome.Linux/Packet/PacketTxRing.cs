using System.Runtime.InteropServices;
using DualHome.Linux.Interop;
using static DualHome.Linux.Interop.PacketConstants;

namespace DualHome.Linux.Packet;

/// <summary>
/// A TPACKET_V2 transmit ring: write a frame into the next free slot (<see cref="TryGetSlot"/>), mark it
/// ready (<see cref="Commit"/>), and after a batch kick the kernel once (<see cref="Flush"/>), which sends
/// every ready slot in one system call. The kernel frees a slot when the driver is done with the frame.
/// <para>
/// Chosen over sendmmsg(2) and sendto(2), which cost the same on veth: PacketTransmitMeasure found
/// 0.8–1.2 µs of sending-thread CPU per frame (64 and 1514 B, the peer's receive included) for all three,
/// with no consistent order between runs; the kernel's per-skb work dominates, not the system calls. The
/// ring wins on what else it gives: slots stay busy until the driver is done with a frame, so a full ring is
/// the back-pressure signal (the forwarder's "ring full" drop); the frame is written once, straight into
/// memory the kernel sends from (past the Ethernet header it goes out as page fragments, tpacket_fill_skb); the
/// memory is fixed at open; and one bad frame is skipped (PACKET_LOSS) instead of failing a whole batch.
/// </para>
/// One thread writes a ring (see <see cref="PacketSocket"/>).
/// </summary>
public sealed unsafe class PacketTxRing : PacketRing
{
    internal PacketTxRing(PacketSocket owner, SafeFdHandle fd, SafeMappedRegion region, byte* ringBase, RingLayout layout)
        : base(owner, fd, region, ringBase, layout)
    {
    }

    /// <summary>The longest frame a slot holds; the kernel also silently drops frames longer than MTU + 18.</summary>
    public int MaxFrameLength => Layout.MaxTransmitLength - VnetLength;

    /// <summary>Slots committed since the last <see cref="Flush"/>.</summary>
    public int Pending { get; private set; }

    /// <summary>Flushes the kernel refused for lack of buffers or a down link (the frames are lost).</summary>
    public ulong FailedFlushes { get; private set; }

    /// <summary>
    /// The data area of the next slot if the kernel has finished with it, <see cref="MaxFrameLength"/> bytes
    /// long. False when the ring is full: <see cref="Flush"/> and retry, or count the frame as dropped.
    /// </summary>
    public bool TryGetSlot(out Span<byte> slot)
    {
        ThrowIfDisposed();
        var header = Current;
        if (Volatile.Read(ref header->Status) != TP_STATUS_AVAILABLE)
        {
            slot = default;
            return false;
        }

        slot = new Span<byte>((byte*)header + TPacket2Header.TxDataOffset + VnetLength, MaxFrameLength);
        Holding = true;
        return true;
    }

    /// <summary>Marks the slot from <see cref="TryGetSlot"/> as holding a <paramref name="length"/>-byte frame to send.</summary>
    public void Commit(int length) => Commit(length, default);

    /// <summary>
    /// As <see cref="Commit(int)"/>, with the virtio_net_hdr the kernel is to apply (PACKET_VNET_HDR: it precedes the
    /// frame in the slot, tpacket_snd); empty means none (no segmentation, checksum complete). Ignored without the option.
    /// </summary>
    public void Commit(int length, ReadOnlySpan<byte> vnetHeader)
    {
        if (!Holding)
        {
            throw new InvalidOperationException("Commit without a slot from TryGetSlot");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(length, 14); // an Ethernet header at least
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxFrameLength);
        ThrowIfDisposed();
        var header = Current;
        if (VnetLength > 0)
        {
            var target = new Span<byte>((byte*)header + TPacket2Header.TxDataOffset, VnetLength);
            if (vnetHeader.Length == VnetLength) vnetHeader.CopyTo(target);
            else target.Clear();
        }

        header->Length = (uint)(length + VnetLength);
        Volatile.Write(ref header->Status, TP_STATUS_SEND_REQUEST); // release: the frame bytes are written first
        Advance();
        Pending++;
    }

    /// <summary>Copies <paramref name="frame"/> into the next slot and commits it; false when the ring is full.</summary>
    public bool TryWrite(ReadOnlySpan<byte> frame)
    {
        if (!TryGetSlot(out var slot))
        {
            return false;
        }

        frame.CopyTo(slot);
        Commit(frame.Length);
        return true;
    }

    /// <summary>
    /// send(fd, NULL, 0, MSG_DONTWAIT): the kernel transmits every committed slot and returns without
    /// waiting for completion. False (counted in <see cref="FailedFlushes"/>) when the kernel had no
    /// buffers or the link is down; other errors throw.
    /// </summary>
    public bool Flush()
    {
        ThrowIfDisposed();
        if (Pending == 0)
        {
            return true;
        }

        Pending = 0;
        nint sent;
        do
        {
            sent = Libc.SendTo(Fd, null, 0, MSG_DONTWAIT, null, 0);
        }
        while (sent < 0 && Marshal.GetLastPInvokeError() == Errno.EINTR);

        if (sent >= 0)
        {
            return true;
        }

        PacketSocket.ThrowUnlessTransient(Marshal.GetLastPInvokeError(), "send(TX ring)");
        FailedFlushes++;
        return false;
    }

}
