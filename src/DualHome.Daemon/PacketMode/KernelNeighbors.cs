using DualHome.DataPlane;
using DualHome.DataPlane.Engine;
using DualHome.DataPlane.Neighbors;
using DualHome.DataPlane.Prefixes;
using DualHome.Daemon.Platform;
using DualHome.Linux;
using DualHome.Linux.Netlink;
using DualHome.Wire.Ethernet;

namespace DualHome.Daemon.PacketMode;

/// <summary>
/// Neighbour discovery for packet mode, done by the kernel: the kernel keeps the cache (NS/NA, timers, NUD, the
/// gc_thresh limits), this class mirrors its entries for the owned ports into lock-free <see cref="NeighborCache"/>s
/// from rtnetlink notifications, and passes the workers' resolution requests on as RTM_NEWNEIGH NTF_USE (the kernel
/// then solicits as if it had a packet to send). Requests are queued for a thread of their own and rate limited, so a
/// scan of the LAN /64 costs the workers nothing and the kernel a bounded rate of solicitations.
/// </summary>
public sealed class KernelNeighbors : INeighborResolver, IDisposable
{
    private const int QueueLimit = 256;
    /// <summary>New destinations resolved per second at most (the kernel's own per-packet resolution has no such
    /// limit; ours also bounds the NS rate a scan from outside can cause).</summary>
    private const double ResolutionsPerSecond = 500;

    private readonly (int InterfaceIndex, NeighborCache Cache)[] _ports;
    private readonly Queue<(int Port, UInt128 Address)> _requests = new(QueueLimit);
    private readonly ControlPlane.RouterAdvertisement.TokenBucket _rate = new(ResolutionsPerSecond, ResolutionsPerSecond);
    private RtnetlinkEvents? _events;
    private Rtnetlink? _netlink;
    private ReceiveThread? _watcher, _resolver;
    private bool _stopping;

    /// <param name="ports">By <see cref="Port.Index"/>: each owned interface's index and the cache its port reads.</param>
    public KernelNeighbors(IReadOnlyList<(int InterfaceIndex, NeighborCache Cache)> ports) => _ports = [.. ports];

    public long Requested { get; private set; }
    public long Refused { get; private set; }
    public long Failed { get; private set; }

    public void Start()
    {
        _events = RtnetlinkEvents.Open(); // subscribe before the dump: a change in between is seen twice, never missed
        _netlink = Rtnetlink.Open();
        Resync();
        _watcher = ReceiveThread.Start("neighbour events", _ => Watch(_events), _events.Dispose);
        _resolver = ReceiveThread.Start("neighbour resolver", _ => ResolveNext(), Wake);
    }

    /// <summary>Packet path: queue and return; a full queue or an exhausted rate drops the request (the frame then
    /// expires as "no neighbor" unless another request resolves the address).</summary>
    public void Request(Port egress, UInt128 nextHop)
    {
        lock (_requests)
        {
            if (_requests.Count >= QueueLimit)
            {
                Refused++;
                return;
            }
            _requests.Enqueue((egress.Index, nextHop));
            Monitor.Pulse(_requests);
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _resolver?.Dispose();
        _events?.Dispose();
        _netlink?.Dispose();
    }

    private bool Watch(RtnetlinkEvents events)
    {
        if (!events.TryRead(out var ev)) return false;
        if (ev is NeighborEvent n) Apply(n);
        else if (ev is ResyncNeeded) Resync();
        return true;
    }

    private void Resync()
    {
        foreach (var (_, cache) in _ports) cache.Clear();
        foreach (var n in _netlink!.GetNeighbors()) Apply(n);
    }

    /// <summary>RFC 4861 §7.3.2: an entry with a link-layer address is usable in every state but INCOMPLETE and
    /// (Linux) FAILED; a deleted or address-less one is not.</summary>
    private void Apply(NeighborEvent n)
    {
        int port = Array.FindIndex(_ports, p => p.InterfaceIndex == n.InterfaceIndex);
        if (port < 0) return;
        var key = Ipv6Key.From(n.Address);
        var bytes = n.LinkLayerAddress.GetAddressBytes();
        bool usable = !n.Deleted && bytes.Length == Mac.Length
            && n.State != NeighborState.None && (n.State & (NeighborState.Incomplete | NeighborState.Failed)) == 0;
        if (usable) _ports[port].Cache.Set(key, Mac.Read(bytes));
        else _ports[port].Cache.Remove(key);
    }

    private bool ResolveNext()
    {
        (int Port, UInt128 Address) request;
        lock (_requests)
        {
            while (_requests.Count == 0 && !_stopping) Monitor.Wait(_requests);
            if (_stopping) return false;
            request = _requests.Dequeue();
        }
        Resolve(request.Port, request.Address);
        return true;
    }

    private void Resolve(int port, UInt128 address)
    {
        if (!_rate.TryTake(DateTimeOffset.UtcNow)) { Refused++; return; }
        Requested++;
        try { _netlink!.ResolveNeighbor(_ports[port].InterfaceIndex, Ipv6Key.ToAddress(address)); }
        catch (NativeErrorException) { Failed++; } // interface gone or down: the frame expires, the carrier watcher tells
    }

    private void Wake()
    {
        lock (_requests)
        {
            _stopping = true;
            Monitor.PulseAll(_requests);
        }
    }
}
