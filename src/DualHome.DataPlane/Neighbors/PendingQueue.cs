using System.Runtime.InteropServices;

namespace DualHome.DataPlane.Neighbors;

/// <summary>
/// Frames waiting for their next hop's link-layer address (RFC 4861 §7.2.2: "SHOULD retain a small queue of packets
/// waiting for address resolution"). Bounded both ways: at most <c>perDestination</c> frames per next hop (the oldest
/// is dropped) and <c>capacity</c> frames in all (the oldest anywhere is dropped), so a scan of a whole /64 only
/// churns a fixed set of slots. All storage is allocated up front; Enqueue, TryTake and Expire allocate nothing.
/// Addresses are per link: use one queue per egress port. Not synchronised: one owner thread.
/// </summary>
public sealed class PendingQueue
{
    private const int Nil = -1;

    private readonly int _perDestination;
    private readonly int _slotSize;
    private readonly byte[] _frames;
    private readonly Slot[] _slots;
    private readonly Dictionary<UInt128, Waiting> _waiting;
    private int _free;                  // head of the free-slot list (linked through NextSame)
    private int _oldest = Nil, _newest = Nil; // the age list over all stored frames

    public PendingQueue(int capacity, int perDestination, int slotSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perDestination);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slotSize);
        _perDestination = perDestination;
        _slotSize = slotSize;
        _frames = new byte[checked(capacity * slotSize)];
        _slots = new Slot[capacity];
        // At most one next hop per stored frame, plus the one being added while the queue is full: never grows.
        _waiting = new Dictionary<UInt128, Waiting>(capacity + 1);
        for (int i = 0; i < capacity; i++)
            _slots[i].NextSame = i + 1 < capacity ? i + 1 : Nil;
    }

    public int Capacity => _slots.Length;
    public int Count { get; private set; }
    public int Destinations => _waiting.Count;
    public long Evicted { get; private set; }
    public long Expired { get; private set; }

    /// <summary>Stores a copy of <paramref name="frame"/> until <paramref name="nextHop"/> resolves.</summary>
    public PendingOutcome Enqueue(UInt128 nextHop, ReadOnlySpan<byte> frame, long now)
    {
        if (frame.Length > _slotSize)
            return PendingOutcome.TooLarge;
        ref Waiting waiting = ref CollectionsMarshal.GetValueRefOrAddDefault(_waiting, nextHop, out bool known);
        PendingOutcome outcome = known ? PendingOutcome.Queued : PendingOutcome.Queued | PendingOutcome.NewDestination;
        if (!known)
            waiting = new Waiting(Nil, Nil, 0);
        if (waiting.Count == _perDestination)
            outcome |= EvictHead(ref waiting, nextHop);
        else if (_free == Nil)
            outcome |= EvictOldestElsewhere(nextHop, ref waiting);
        Store(ref waiting, nextHop, frame, now);
        return outcome;
    }

    /// <summary>Moves the oldest frame for <paramref name="nextHop"/> into <paramref name="buffer"/> (at least a slot
    /// long). False when nothing waits for it.</summary>
    public bool TryTake(UInt128 nextHop, Span<byte> buffer, out int length)
    {
        length = 0;
        if (!_waiting.TryGetValue(nextHop, out Waiting found) || buffer.Length < _slots[found.Head].Length)
            return false;
        ref Waiting waiting = ref CollectionsMarshal.GetValueRefOrNullRef(_waiting, nextHop);
        int slot = waiting.Head;
        length = _slots[slot].Length;
        Frame(slot)[..length].CopyTo(buffer);
        RemoveHead(ref waiting, nextHop);
        return true;
    }

    /// <summary>
    /// Moves the oldest frame of the first waiting next hop that <paramref name="neighbors"/> now resolves into
    /// <paramref name="buffer"/>, with that next hop's MAC; false when no waiting next hop is resolved. Costs one
    /// lookup per waiting next hop: call it when the table changed, not per packet. Allocates nothing.
    /// </summary>
    public bool TryTakeResolved(INeighborTable neighbors, Span<byte> buffer, out int length, out Wire.Ethernet.Mac mac)
    {
        Span<byte> address = stackalloc byte[16];
        foreach (KeyValuePair<UInt128, Waiting> waiting in _waiting)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(address, waiting.Key);
            if (neighbors.TryGet(address, out mac))
                return TryTake(waiting.Key, buffer, out length); // returns before the enumeration sees the change
        }
        length = 0;
        mac = default;
        return false;
    }

    /// <summary>Drops every frame stored before <paramref name="cutoff"/> (resolution gave up, RFC 4861 §7.2.2);
    /// returns how many, to be counted as drops.</summary>
    public int ExpireBefore(long cutoff)
    {
        int expired = 0;
        while (_oldest != Nil && _slots[_oldest].Time < cutoff)
        {
            UInt128 nextHop = _slots[_oldest].NextHop;
            RemoveHead(ref CollectionsMarshal.GetValueRefOrNullRef(_waiting, nextHop), nextHop);
            expired++;
        }
        Expired += expired;
        return expired;
    }

    private PendingOutcome EvictHead(ref Waiting waiting, UInt128 nextHop)
    {
        RemoveHead(ref waiting, nextHop, keepEntry: true);
        Evicted++;
        return PendingOutcome.EvictedOldest;
    }

    /// <summary>Queue full: drop the oldest frame of all. It belongs to another next hop, unless this one holds
    /// them all, in which case the entry being filled is the one shortened.</summary>
    private PendingOutcome EvictOldestElsewhere(UInt128 nextHop, ref Waiting waiting)
    {
        UInt128 victim = _slots[_oldest].NextHop;
        if (victim == nextHop)
            return EvictHead(ref waiting, nextHop);
        RemoveHead(ref CollectionsMarshal.GetValueRefOrNullRef(_waiting, victim), victim);
        Evicted++;
        return PendingOutcome.EvictedOldest;
    }

    private void Store(ref Waiting waiting, UInt128 nextHop, ReadOnlySpan<byte> frame, long now)
    {
        int slot = _free;
        _free = _slots[slot].NextSame;
        _slots[slot] = new Slot { NextHop = nextHop, Length = frame.Length, Time = now, NextSame = Nil, Older = _newest, Newer = Nil };
        frame.CopyTo(Frame(slot));
        LinkNewest(slot);
        if (waiting.Tail == Nil)
            waiting.Head = slot;
        else
            _slots[waiting.Tail].NextSame = slot;
        waiting.Tail = slot;
        waiting.Count++;
        Count++;
    }

    /// <summary>Frees the oldest frame of one next hop; forgets the next hop when it was its last (unless the
    /// caller is about to store another for it).</summary>
    private void RemoveHead(ref Waiting waiting, UInt128 nextHop, bool keepEntry = false)
    {
        int slot = waiting.Head;
        waiting.Head = _slots[slot].NextSame;
        if (waiting.Head == Nil)
            waiting.Tail = Nil;
        waiting.Count--;
        Unlink(slot);
        _slots[slot].NextSame = _free;
        _free = slot;
        Count--;
        if (waiting.Count == 0 && !keepEntry)
            _waiting.Remove(nextHop);
    }

    private void LinkNewest(int slot)
    {
        if (_newest == Nil)
            _oldest = slot;
        else
            _slots[_newest].Newer = slot;
        _newest = slot;
    }

    private void Unlink(int slot)
    {
        int older = _slots[slot].Older, newer = _slots[slot].Newer;
        if (older == Nil) _oldest = newer; else _slots[older].Newer = newer;
        if (newer == Nil) _newest = older; else _slots[newer].Older = older;
    }

    private Span<byte> Frame(int slot) => _frames.AsSpan(slot * _slotSize, _slotSize);

    private struct Slot
    {
        public UInt128 NextHop;
        public long Time;
        public int Length;
        public int NextSame;       // next frame for the same next hop, or the next free slot
        public int Older, Newer;   // the age list
    }

    private record struct Waiting(int Head, int Tail, int Count);
}
