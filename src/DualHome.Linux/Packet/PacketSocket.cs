using System.Text;
using DualHome.Linux.Interop;

namespace DualHome.Linux.Packet;

/// <summary>
/// An AF_PACKET SOCK_RAW socket bound to one interface (packet(7)): whole Ethernet frames in and out,
/// with an optional TPACKET_V2 receive ring (<see cref="Rx"/>) and transmit ring (<see cref="Tx"/>)
/// sharing one mmap'd region. Must be opened in the namespace that owns the interface (see
/// <see cref="NetNamespace"/>); it stays there for its whole life.
/// <para>
/// Threading: a socket and its rings belong to one worker thread. Stop the worker's loop (ring waits
/// return at their timeout), then dispose on that thread: Dispose unmaps the rings, and a frame span
/// still held then would point at unmapped memory.
/// </para>
/// </summary>
public sealed partial class PacketSocket : IDisposable
{
    private readonly SafeFdHandle _fd;
    private readonly SafeMappedRegion? _region;
    private readonly PacketRxRing? _rx;
    private readonly PacketTxRing? _tx;
    private ulong _received;
    private ulong _dropped;

    private unsafe PacketSocket(
        SafeFdHandle fd, SafeMappedRegion? region, string interfaceName, int interfaceIndex, PacketSocketOptions options)
    {
        _fd = fd;
        _region = region;
        InterfaceName = interfaceName;
        InterfaceIndex = interfaceIndex;
        Options = options;
        if (region is not null)
        {
            // One mmap covers the RX ring followed by the TX ring (packet_mmap).
            var rxBytes = options.RxRing?.TotalBytes ?? 0;
            _rx = options.RxRing is { } rx ? new PacketRxRing(this, fd, region, region.Address, rx) : null;
            _tx = options.TxRing is { } tx ? new PacketTxRing(this, fd, region, region.Address + rxBytes, tx) : null;
        }
    }

    public string InterfaceName { get; }

    public int InterfaceIndex { get; }

    public PacketSocketOptions Options { get; }

    /// <summary>The receive ring; InvalidOperationException when the options asked for none.</summary>
    public PacketRxRing Rx => _rx ?? throw new InvalidOperationException($"{InterfaceName}: no receive ring was configured");

    /// <summary>The transmit ring; InvalidOperationException when the options asked for none.</summary>
    public PacketTxRing Tx => _tx ?? throw new InvalidOperationException($"{InterfaceName}: no transmit ring was configured");

    internal bool IsDisposed => _fd.IsClosed;

    internal SafeFdHandle Descriptor => _fd;

    /// <summary>Opens and configures the socket, maps its rings and binds it to <paramref name="interfaceName"/>.</summary>
    public static PacketSocket Open(string interfaceName, PacketSocketOptions? options = null)
    {
        options ??= PacketSocketOptions.Receiver();
        options.Validate();
        HostOrder.RequireLittleEndian();
        var index = InterfaceIndexOf(interfaceName);

        // Protocol 0 until bind: the socket sees no frame of any interface before it is bound to ours.
        var fd = SocketCalls.Open(PacketConstants.AF_PACKET, SocketConstants.SOCK_RAW, 0, "AF_PACKET, SOCK_RAW");
        SafeMappedRegion? region = null;
        try
        {
            region = SetUpRings(fd, options);
            SetOptions(fd, options);
            Bind(fd, index, options.Protocol);
            JoinAfterBind(fd, index, options);
            return new PacketSocket(fd, region, interfaceName, index, options);
        }
        catch
        {
            region?.Dispose();
            fd.Dispose();
            throw;
        }
    }

    /// <summary>Unmaps the rings and closes the descriptor (a poll in progress keeps it open until it returns).</summary>
    public void Dispose()
    {
        _region?.Dispose();
        _fd.Dispose();
    }

    private static int InterfaceIndexOf(string interfaceName)
    {
        if (string.IsNullOrEmpty(interfaceName) || interfaceName.Contains('\0') || interfaceName.Contains('/')
            || Encoding.UTF8.GetByteCount(interfaceName) >= SocketConstants.IFNAMSIZ)
        {
            throw new ArgumentException($"invalid interface name '{interfaceName}'", nameof(interfaceName));
        }

        var index = Libc.IfNameToIndex(interfaceName);
        return index != 0 ? (int)index : throw NativeErrorException.FromLastError($"if_nametoindex({interfaceName})");
    }
}
