using System.Net;
using System.Text;
using DualHome.Linux.Interop;

namespace DualHome.Linux.Icmpv6;

/// <summary>
/// A raw ICMPv6 socket bound to one interface, for Neighbor Discovery (RFC 4861). The kernel
/// computes the ICMPv6 checksum of raw ICMPv6 sockets (RFC 3542 §3.1) and picks a link-local
/// source unless <see cref="Send(ReadOnlySpan{byte}, IPAddress, IPAddress)"/> names one.
/// Receive from one thread; Dispose from any thread wakes a blocked receive.
/// </summary>
public sealed partial class Icmpv6Socket : IDisposable
{
    /// <summary>All-routers multicast group (RFC 4291 §2.7.1), where hosts send Router Solicitations.</summary>
    public static readonly IPAddress AllRouters = IPAddress.Parse("ff02::2");

    private static readonly TimeSpan DefaultReceiveTimeout = TimeSpan.FromMilliseconds(500);

    private readonly SafeFdHandle _fd;
    private int _disposeCount;

    private Icmpv6Socket(SafeFdHandle fd, string interfaceName, int interfaceIndex)
    {
        _fd = fd;
        InterfaceName = interfaceName;
        InterfaceIndex = interfaceIndex;
    }

    public string InterfaceName { get; }

    public int InterfaceIndex { get; }

    private bool IsDisposed => Volatile.Read(ref _disposeCount) != 0;

    /// <summary>
    /// Opens the socket on <paramref name="interfaceName"/>, accepting only the ICMPv6 types in
    /// <paramref name="acceptedTypes"/> (e.g. 133, 135), joined to ff02::2. A blocked receive
    /// returns after <paramref name="receiveTimeout"/> (default 0.5 s) so a loop can see cancellation.
    /// Must run in the network namespace that owns the interface (see <see cref="NetNamespace"/>).
    /// </summary>
    public static Icmpv6Socket Open(
        string interfaceName, ReadOnlySpan<byte> acceptedTypes, TimeSpan? receiveTimeout = null)
    {
        HostOrder.RequireLittleEndian();
        var index = InterfaceIndexOf(interfaceName);
        var fd = SocketCalls.Open(
            SocketConstants.AF_INET6, SocketConstants.SOCK_RAW, Ipv6Constants.IPPROTO_ICMPV6, "AF_INET6, SOCK_RAW, ICMPV6");
        try
        {
            Configure(fd, interfaceName, index, acceptedTypes, receiveTimeout ?? DefaultReceiveTimeout);
            JoinGroup(fd, AllRouters, index);
            return new Icmpv6Socket(fd, interfaceName, index);
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    /// <summary>Joins another multicast group on this interface (e.g. ff02::1 or a solicited-node group).</summary>
    public void JoinGroup(IPAddress group)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        JoinGroup(_fd, group, InterfaceIndex);
    }

    /// <summary>
    /// Stops a receive blocked in another thread (shutdown(2) makes it return at once) and closes
    /// the descriptor once no call uses it any more.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Increment(ref _disposeCount) != 1)
        {
            return;
        }

        _ = Libc.Shutdown(_fd, SocketConstants.SHUT_RDWR); // ENOTCONN is expected: see Libc.Shutdown
        _fd.Dispose();
    }

    private static int InterfaceIndexOf(string interfaceName)
    {
        ValidateInterfaceName(interfaceName);
        var index = Libc.IfNameToIndex(interfaceName);
        return index != 0
            ? (int)index
            : throw NativeErrorException.FromLastError($"if_nametoindex({interfaceName})");
    }

    private static void ValidateInterfaceName(string interfaceName)
    {
        if (string.IsNullOrEmpty(interfaceName) || interfaceName.Contains('\0') || interfaceName.Contains('/')
            || Encoding.UTF8.GetByteCount(interfaceName) >= SocketConstants.IFNAMSIZ)
        {
            throw new ArgumentException($"invalid interface name '{interfaceName}'", nameof(interfaceName));
        }
    }
}
