using DualHome.Linux.Interop;
using static DualHome.Linux.Interop.PacketConstants;

namespace DualHome.Linux.Packet;

/// <summary>
/// A TPACKET_V2 receive ring: the kernel writes each frame into the next free slot and flips its status
/// to TP_STATUS_USER; <see cref="TryNext"/> reads it in place (no copy, no allocation) and
/// <see cref="Release"/> hands the slot back.
/// <para>
/// V2 rather than V3: V3 hands over whole blocks, so a frame waits until its block fills or the block
/// timer retires it. The timer is in whole milliseconds (tp_retire_blk_tov; the default, derived from the
/// link speed, is ~8 ms, the spikes testbed.md reports), so at forwarding rates below a block per
/// millisecond V3 adds up to a millisecond or more per packet. V2 publishes each frame at once; its cost,
/// a fixed 2048-byte slot per frame, is only memory.
/// </para>
/// One thread reads a ring (see <see cref="PacketSocket"/>).
/// </summary>
public sealed unsafe class PacketRxRing : PacketRing
{
    private const int PacketTypeOffset = TPacket2Header.AddressOffset + 10; // sockaddr_ll.sll_pkttype
    private const uint InformativeStatus = (uint)(RxFrameStatus.Copy | RxFrameStatus.Losing | RxFrameStatus.ChecksumNotReady
        | RxFrameStatus.VlanValid | RxFrameStatus.ChecksumValid);

    internal PacketRxRing(PacketSocket owner, SafeFdHandle fd, SafeMappedRegion region, byte* ringBase, RingLayout layout)
        : base(owner, fd, region, ringBase, layout)
    {
    }

    /// <summary>Times a wait found the socket in error (ENETDOWN when the link went down) and cleared it.</summary>
    public ulong SocketErrors { get; private set; }

    /// <summary>
    /// The frame in the current slot, if the kernel has filled it. The span points into the ring and is
    /// valid until <see cref="Release"/>; calling again before Release returns the same frame.
    /// </summary>
    public bool TryNext(out ReadOnlySpan<byte> frame, out PacketMeta meta)
    {
        ThrowIfDisposed();
        var header = Current;
        if ((Volatile.Read(ref header->Status) & TP_STATUS_USER) == 0)
        {
            frame = default;
            meta = default;
            return false;
        }

        // Acquire above: the frame's bytes and header fields are read after the status that publishes them.
        var slot = (byte*)header;
        frame = new ReadOnlySpan<byte>(slot + header->MacOffset, (int)header->SnapLength);
        meta = new PacketMeta(
            (int)header->Length,
            (int)header->SnapLength,
            (RxFrameStatus)(header->Status & InformativeStatus),
            (PacketType)slot[PacketTypeOffset],
            header->VlanTci,
            (header->Seconds * 1_000_000_000L) + header->Nanoseconds);
        Holding = true;
        return true;
    }

    /// <summary>
    /// The virtio_net_hdr the kernel wrote before the frame from <see cref="TryNext"/> (PACKET_VNET_HDR: it sits just
    /// before the MAC header, tpacket_rcv); empty without the option or without a held frame.
    /// </summary>
    public ReadOnlySpan<byte> VnetHeader
    {
        get
        {
            ThrowIfDisposed();
            if (!Holding || VnetLength == 0)
                return default;
            var header = Current;
            return new ReadOnlySpan<byte>((byte*)header + header->MacOffset - VnetLength, VnetLength);
        }
    }

    /// <summary>True when the kernel has filled the current slot (one read of shared memory).</summary>
    public bool HasFrame
    {
        get
        {
            ThrowIfDisposed();
            return (Volatile.Read(ref Current->Status) & TP_STATUS_USER) != 0;
        }
    }

    /// <summary>Returns the current slot to the kernel and moves to the next one.</summary>
    public void Release()
    {
        if (!Holding)
        {
            throw new InvalidOperationException("Release without a frame from TryNext");
        }

        ThrowIfDisposed();
        Volatile.Write(ref Current->Status, TP_STATUS_KERNEL); // release: our reads of the frame are done
        Advance();
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for a frame (poll(2)); true when one may be ready. A socket
    /// error (link down) is cleared and counted in <see cref="SocketErrors"/>, and also returns true.
    /// </summary>
    public bool Wait(TimeSpan timeout)
    {
        ThrowIfDisposed();
        if ((Volatile.Read(ref Current->Status) & TP_STATUS_USER) != 0)
        {
            return true;
        }

        PacketRxRing self = this;
        return WaitAny(new ReadOnlySpan<PacketRxRing>(ref self), timeout);
    }

    /// <summary>Waits until any of <paramref name="rings"/> (a worker's ports) may have a frame; see <see cref="Wait"/>.</summary>
    public static bool WaitAny(ReadOnlySpan<PacketRxRing> rings, TimeSpan timeout)
    {
        const int MaxRings = 16;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rings.Length, MaxRings);
        var fds = stackalloc PollFd[rings.Length];
        var added = 0;
        try
        {
            for (; added < rings.Length; added++)
            {
                var success = false;
                rings[added].Fd.DangerousAddRef(ref success); // keeps the descriptor number ours during poll
                fds[added] = new PollFd { Fd = (int)rings[added].Fd.DangerousGetHandle(), Events = POLLIN };
            }

            var ready = Libc.Poll(fds, (nuint)rings.Length, TimeoutMilliseconds(timeout));
            if (ready <= 0)
            {
                return false; // timeout, or EINTR: the caller loops anyway
            }

            for (var i = 0; i < rings.Length; i++)
            {
                if ((fds[i].ReturnedEvents & POLLERR) != 0)
                {
                    rings[i].ClearSocketError();
                }
            }

            return true;
        }
        finally
        {
            for (var i = 0; i < added; i++)
            {
                rings[i].Fd.DangerousRelease();
            }
        }
    }

    /// <summary>Reads SO_ERROR, which clears it: otherwise poll would report POLLERR again at once, forever.</summary>
    private void ClearSocketError()
    {
        int error = 0;
        var length = (uint)sizeof(int);
        _ = Libc.GetSockOpt(Fd, SocketConstants.SOL_SOCKET, SocketConstants.SO_ERROR, &error, &length);
        SocketErrors++;
    }

    private static int TimeoutMilliseconds(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? -1 : (int)Math.Clamp(Math.Ceiling(timeout.TotalMilliseconds), 0, int.MaxValue);
}
