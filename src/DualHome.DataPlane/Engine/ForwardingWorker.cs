using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Forwarding;
using DualHome.DataPlane.Neighbors;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Icmpv6;
using DualHome.Wire.Offload;

namespace DualHome.DataPlane.Engine;

/// <summary>
/// One forwarding thread: drains each port's receive ring in batches, classifies every frame with the shared
/// <see cref="Forwarder"/>, writes forwards and ICMPv6 errors straight into the egress port's transmit ring, holds
/// frames whose next hop is unresolved, and flushes every transmit ring once per pass (one system call per port per
/// batch). With PACKET_FANOUT several workers share the ports, each with its own rings and pending queues; the
/// forwarder's snapshot and counters are the only shared state. Allocates nothing per frame.
/// </summary>
public sealed class ForwardingWorker
{
    /// <summary>Frames taken from one port before the next port gets a turn (fairness, and a bounded TX batch).</summary>
    public const int Batch = 64;

    /// <summary>The longest frame the worker forwards whole: a 64 KiB GSO super-frame (IPv6 payload length ≤ 65535,
    /// RFC 8200 §3) with its IPv6 and Ethernet headers, after the offload header.</summary>
    public const int LargeFrameBytes = VirtioNetHeader.Length + EthernetFrame.HeaderLength + 40 + ushort.MaxValue;

    /// <summary>RFC 4861 §10: MAX_MULTICAST_SOLICIT (3) × RETRANS_TIMER (1 s); Linux gives up after the same.</summary>
    public static readonly TimeSpan ResolutionTimeout = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(100);
    /// <summary>While frames wait for a neighbour the worker wakes often enough to send them soon after it resolves.</summary>
    private static readonly TimeSpan PendingWait = TimeSpan.FromMilliseconds(2);

    private readonly Forwarder _forwarder;
    private readonly IWorkerIo _io;
    private readonly INeighborResolver _resolver;
    private readonly TimeProvider _time;
    private readonly IPacketPort[] _ports;
    private readonly PendingQueue[] _pending;
    private readonly byte[] _scratch;
    private readonly byte[] _large = new byte[LargeFrameBytes];
    private readonly long _timeoutTicks;
    private readonly TimeSpan _nap;
    private long _nextStatistics;
    private UInt128 _lastUnheldNextHop;
    private long _lastUnheldRequest = long.MinValue;

    /// <param name="nap">After a pass that found frames, how long to sleep before the next pass instead of waiting
    /// in poll(2) for the next frame (<see cref="Step"/>); zero waits in poll at once.</param>
    public ForwardingWorker(Forwarder forwarder, IWorkerIo io, INeighborResolver resolver, TimeProvider time,
        PendingLimits? limits = null, TimeSpan nap = default)
    {
        _forwarder = forwarder;
        _io = io;
        _resolver = resolver;
        _time = time;
        _ports = [.. io.Ports];
        limits ??= PendingLimits.Default;
        _pending = [.. _ports.Select(_ => new PendingQueue(limits.Capacity, limits.PerDestination, limits.FrameBytes))];
        _scratch = new byte[limits.FrameBytes];
        _timeoutTicks = (long)(ResolutionTimeout.TotalSeconds * time.TimestampFrequency);
        _nap = nap;
        Counters = new ForwardedCounters(_ports.Length);
    }

    public ForwardedCounters Counters { get; }

    /// <summary>Frames held for address resolution, over all ports.</summary>
    public int Pending => _pending.Sum(q => q.Count);

    public void Run(CancellationToken stop)
    {
        int received = 0;
        while (!stop.IsCancellationRequested)
            received = Step(received);
    }

    /// <summary>
    /// One pass after a pass that took <paramref name="lastReceived"/> frames. While frames flow and the rings are
    /// drained, the worker naps for the coalescing time (a timer) instead of waiting in poll(2): a worker asleep in
    /// poll is woken by the kernel for the next frame, from the softirq of the CPU that received it (a wake-up and an
    /// inter-processor interrupt each time), and at a few hundred thousand frames a second it sleeps and wakes
    /// between most batches. Those wake-ups cost the receiving CPU more than the frames do (the bench: the sender's
    /// CPU saturated at ~280 kpps in packet mode against ~420 kpps in kernel mode, and at 370+ kpps with 50 µs
    /// naps). A NIC does the same with interrupt coalescing (ethtool rx-usecs); idle, the worker sleeps in poll.
    /// </summary>
    public int Step(int lastReceived)
    {
        bool flowing = lastReceived > 0 && _nap > TimeSpan.Zero;
        if (flowing && !_io.AnyReady())
            _io.Nap(_nap);
        return RunOnce(flowing ? TimeSpan.Zero : HasPending() ? PendingWait : IdleWait);
    }

    /// <summary>One pass: wait, drain every port, release or expire held frames, flush. Returns frames received.</summary>
    public int RunOnce(TimeSpan wait)
    {
        _io.Wait(wait);
        long now = _time.GetTimestamp();
        int received = 0;
        for (int p = 0; p < _ports.Length; p++)
            received += Drain(p, now);
        for (int p = 0; p < _ports.Length; p++)
            ServicePending(p, now);
        for (int p = 0; p < _ports.Length; p++)
            _ports[p].FlushTransmit();
        if (now >= _nextStatistics)
            CollectReceiveDrops(now);
        return received;
    }

    /// <summary>Once a second: the kernel's count of frames the receive rings had no room for (one system call per
    /// port, so not per pass).</summary>
    private void CollectReceiveDrops(long now)
    {
        _nextStatistics = now + _time.TimestampFrequency;
        for (int p = 0; p < _ports.Length; p++)
            _forwarder.Drops.Add(PortAt(p), DropReason.ReceiveRingFull, _ports[p].TakeReceiveDrops());
    }

    private int Drain(int index, long now)
    {
        IPacketPort port = _ports[index];
        Port ingress = PortAt(index);
        int count = 0;
        while (count < Batch && port.TryReceive(_large, out ReadOnlySpan<byte> frame, out VirtioNetHeader offload))
        {
            Handle(frame, offload, ingress, now);
            port.ReleaseReceived();
            count++;
        }
        return count;
    }

    private void Handle(ReadOnlySpan<byte> frame, in VirtioNetHeader offload, Port ingress, long now)
    {
        Counters.CountReceived(ingress.Index);
        ForwardDecision decision = _forwarder.Classify(frame, ingress, offload.LargestSegment(frame));
        if (decision.IsForward)
            Send(frame, offload, ingress, decision);
        else if (decision.Action == ForwardAction.AwaitNeighbor)
            Hold(frame, offload, decision, now);
        else if (decision.Action == ForwardAction.IcmpError)
            Answer(frame, ingress, decision, now);
        // Drop: counted by Classify. ToKernel: the kernel has its own copy of the frame (AF_PACKET only taps).
    }

    /// <summary>The offload header goes along unchanged: a forward rewrites MACs and the hop limit, which move no
    /// header and are outside the TCP/UDP checksum (RFC 8200 §8.1: the pseudo-header has no hop limit).</summary>
    private void Send(ReadOnlySpan<byte> frame, in VirtioNetHeader offload, Port ingress, in ForwardDecision decision)
    {
        int egress = decision.Egress.Index;
        if (offload.IsGso)
        {
            SendLarge(frame, offload, ingress, decision);
            return;
        }
        if (!TryGetSlot(egress, ingress, out Span<byte> slot))
            return;
        if (frame.Length > slot.Length)
        {
            SendLarge(frame, offload, ingress, decision);
            return;
        }
        frame.CopyTo(slot);
        Forwarder.TryRewrite(slot[..frame.Length], decision);
        Commit(egress, frame.Length, offload.ForTransmit());
    }

    /// <summary>
    /// A frame longer than a transmit slot, or any GSO frame (the ring's frames carry the socket's protocol, ETH_P_ALL,
    /// which no segmentation handler takes), is rewritten in the large buffer (where the port
    /// read it) and sent on its own with its offload header: the egress segments it (TSO, or GSO in software at
    /// transmit), so one forward carries up to 64 KiB instead of one wire frame.
    /// </summary>
    private void SendLarge(ReadOnlySpan<byte> frame, in VirtioNetHeader offload, Port ingress, in ForwardDecision decision)
    {
        Span<byte> target = _large.AsSpan(VirtioNetHeader.Length);
        if (frame.Length > target.Length)
        {
            _forwarder.Drops.Count(ingress, DropReason.TooBig);
            return;
        }
        if (!frame.Overlaps(target))
            frame.CopyTo(target);
        Forwarder.TryRewrite(target[..frame.Length], decision);
        int egress = decision.Egress.Index;
        if (_ports[egress].TrySendLarge(_large.AsSpan(0, VirtioNetHeader.Length + frame.Length), offload.ForTransmit()))
        {
            Counters.CountSent(egress);
            Counters.CountLarge();
        }
        else
            _forwarder.Drops.Count(ingress, DropReason.TooBig); // a port without offload headers; or the kernel refused
    }

    /// <summary>
    /// RFC 4861 §7.2.2: queue while resolving; the first frame for a next hop starts the resolution. A held frame
    /// leaves later without its offload header, so a pending checksum is filled in first; a GSO super-frame is not
    /// held (it would leave as one oversize frame): it is dropped like a frame the queue has no room for.
    /// </summary>
    private void Hold(ReadOnlySpan<byte> frame, in VirtioNetHeader offload, in ForwardDecision decision, long now)
    {
        if (offload.IsGso || (offload.ChecksumPending && !TryCompleteChecksum(ref frame, offload)))
        {
            _forwarder.Drops.Count(decision.Egress, DropReason.NoNeighbor);
            RequestUnheld(decision, now);
            return;
        }
        PendingOutcome outcome = _pending[decision.Egress.Index].Enqueue(decision.NextHopAddress, frame, now);
        if ((outcome & (PendingOutcome.EvictedOldest | PendingOutcome.TooLarge)) != 0)
            _forwarder.Drops.Count(decision.Egress, DropReason.NoNeighbor);
        if ((outcome & PendingOutcome.NewDestination) != 0)
            _resolver.Request(decision.Egress, decision.NextHopAddress);
    }

    /// <summary>A frame that is not held still asks for its next hop, at most once a second per next hop in a row:
    /// a flow whose frames all arrive merged would otherwise never get its neighbour resolved.</summary>
    private void RequestUnheld(in ForwardDecision decision, long now)
    {
        if (decision.NextHopAddress == _lastUnheldNextHop && now - _lastUnheldRequest < _time.TimestampFrequency)
            return;
        _lastUnheldNextHop = decision.NextHopAddress;
        _lastUnheldRequest = now;
        _resolver.Request(decision.Egress, decision.NextHopAddress);
    }

    /// <summary>Copies the frame to the scratch buffer and fills in its checksum there; <paramref name="frame"/> then
    /// points at the copy.</summary>
    private bool TryCompleteChecksum(ref ReadOnlySpan<byte> frame, in VirtioNetHeader offload)
    {
        if (frame.Length > _scratch.Length)
            return false;
        Span<byte> copy = _scratch.AsSpan(0, frame.Length);
        frame.CopyTo(copy);
        frame = copy;
        return PartialChecksum.TryComplete(copy, offload);
    }

    /// <summary>The error goes back out of the port the frame came in on, into its transmit ring.</summary>
    private void Answer(ReadOnlySpan<byte> frame, Port ingress, in ForwardDecision decision, long now)
    {
        if (!TryGetSlot(ingress.Index, ingress, out Span<byte> slot) || !FitsSlot(slot, Icmpv6ErrorBuilder.MaxFrameLength, ingress))
            return;
        int length = _forwarder.TryWriteIcmpError(frame, ingress, decision, now, slot);
        if (length > 0)
            Commit(ingress.Index, length); // else the slot stays free: the next frame takes it
    }

    /// <summary>Expires what waited too long (counted as "no neighbor" on the egress port), sends what resolved.</summary>
    private void ServicePending(int index, long now)
    {
        PendingQueue queue = _pending[index];
        if (queue.Count == 0)
            return;
        Port egress = PortAt(index);
        for (int expired = queue.ExpireBefore(now - _timeoutTicks); expired > 0; expired--)
            _forwarder.Drops.Count(egress, DropReason.NoNeighbor);
        if (_forwarder.Config.PortOf(egress) is not { } port)
            return;
        while (queue.TryTakeResolved(port.Neighbors, _scratch, out int length, out Mac mac))
        {
            if (!TryGetSlot(index, egress, out Span<byte> slot) || !FitsSlot(slot, length, egress))
                continue;
            _scratch.AsSpan(0, length).CopyTo(slot);
            if (_forwarder.TryRewriteResolved(slot[..length], egress, mac))
                Commit(index, length);
        }
    }

    /// <summary>A free slot of <paramref name="port"/>; a full ring is flushed once and retried, then the frame is
    /// dropped as "ring full" (counted on <paramref name="countOn"/>, where it arrived).</summary>
    private bool TryGetSlot(int port, Port countOn, out Span<byte> slot)
    {
        IPacketPort io = _ports[port];
        if (!io.TryGetTransmitSlot(out slot))
        {
            io.FlushTransmit();
            if (!io.TryGetTransmitSlot(out slot))
            {
                _forwarder.Drops.Count(countOn, DropReason.RingFull);
                return false;
            }
        }
        return true;
    }

    private bool FitsSlot(Span<byte> slot, int length, Port countOn)
    {
        if (slot.Length >= length)
            return true;
        _forwarder.Drops.Count(countOn, DropReason.TooBig); // longer than the ring's slots: the kernel would drop it too
        return false;
    }

    private void Commit(int port, int length) => Commit(port, length, VirtioNetHeader.None);

    private void Commit(int port, int length, in VirtioNetHeader offload)
    {
        _ports[port].CommitTransmit(length, offload);
        Counters.CountSent(port);
    }

    private bool HasPending()
    {
        foreach (PendingQueue queue in _pending)
            if (queue.Count > 0)
                return true;
        return false;
    }

    private static Port PortAt(int index) => index == 0 ? Port.Lan : Port.Uplink(index - 1);
}
