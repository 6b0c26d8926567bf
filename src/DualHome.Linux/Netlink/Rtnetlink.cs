using System.Net;
using DualHome.Linux.Interop;

namespace DualHome.Linux.Netlink;

/// <summary>
/// Synchronous rtnetlink requests: each call sends one request with NLM_F_ACK and a fresh sequence
/// number, and returns when the kernel's ACK arrives; an error ACK becomes a
/// <see cref="NativeErrorException"/> (Operation = RTM_NEWROUTE …, Errno, Detail = the kernel's
/// extended-ACK text). Calls are serialised, so one instance may be shared between threads.
/// The socket belongs to the network namespace of the thread that opened it.
/// </summary>
public sealed partial class Rtnetlink : IDisposable
{
    private readonly NetlinkSession _session;

    private Rtnetlink(NetlinkSocket socket) => _session = new NetlinkSession(socket);

    public static Rtnetlink Open()
    {
        HostOrder.RequireLittleEndian(); // netlink is host-endian; the builders write little-endian
        return new Rtnetlink(NetlinkSocket.Open());
    }

    /// <summary>
    /// Adds an IPv6 address (<c>ip -6 addr add ADDRESS/LEN dev IF [nodad]</c>); the kernel adds the on-link
    /// prefix route. Returns false instead of throwing EEXIST when <paramref name="ignoreExisting"/>.
    /// </summary>
    public bool AddAddress(
        int interfaceIndex, IPAddress address, int prefixLength,
        AddressFlags flags = AddressFlags.None, bool ignoreExisting = false) =>
        Execute("RTM_NEWADDR", seq => NetlinkMessages.BuildNewAddress(interfaceIndex, address, prefixLength, flags, seq),
            ignoreExisting ? ExistsErrors : []);

    /// <summary>Deletes an address; returns false instead of throwing EADDRNOTAVAIL when <paramref name="ignoreMissing"/>.</summary>
    /// <summary>New lifetimes for an existing address (<c>ip -6 addr change … preferred_lft P valid_lft V</c>).</summary>
    public void ChangeAddressLifetimes(int interfaceIndex, IPAddress address, int prefixLength, uint preferred, uint valid) =>
        Execute("RTM_NEWADDR(change)", seq => NetlinkMessages.BuildChangeLifetimes(interfaceIndex, address, prefixLength, preferred, valid, seq), []);

    public bool DeleteAddress(int interfaceIndex, IPAddress address, int prefixLength, bool ignoreMissing = false) =>
        Execute("RTM_DELADDR", seq => NetlinkMessages.BuildDeleteAddress(interfaceIndex, address, prefixLength, seq),
            ignoreMissing ? MissingErrors : []);

    /// <summary>Adds a route (<c>ip -6 route add</c>); returns false instead of throwing EEXIST when <paramref name="ignoreExisting"/>.</summary>
    public bool AddRoute(Ipv6Route route, bool ignoreExisting = false) =>
        Execute("RTM_NEWROUTE", seq => NetlinkMessages.BuildNewRoute(route, seq), ignoreExisting ? ExistsErrors : []);

    /// <summary>Adds or replaces a route with the same key (<c>ip -6 route replace</c>): idempotent.</summary>
    public void ReplaceRoute(Ipv6Route route) =>
        Execute("RTM_NEWROUTE(replace)", seq => NetlinkMessages.BuildNewRoute(route, seq, replace: true), []);

    /// <summary>Deletes a route; returns false instead of throwing ESRCH/ENOENT when <paramref name="ignoreMissing"/>.</summary>
    public bool DeleteRoute(Ipv6Route route, bool ignoreMissing = false) =>
        Execute("RTM_DELROUTE", seq => NetlinkMessages.BuildDeleteRoute(route, seq), ignoreMissing ? MissingErrors : []);

    public void Dispose() => _session.Dispose();
}
