using System.Buffers.Binary;
using System.Net;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>RTM_NEWADDR / RTM_DELADDR / RTM_GETADDR with struct ifaddrmsg (rtnetlink(7)).</summary>
public static partial class NetlinkMessages
{
    /// <summary>
    /// RTM_NEWADDR with NLM_F_CREATE|NLM_F_EXCL (like <c>ip -6 addr add</c>). IFA_F_NOPREFIXROUTE is not set,
    /// so the kernel also installs the on-link prefix route (e.g. 2001:db8:a:1::/64 dev lan0 proto kernel).
    /// </summary>
    public static byte[] BuildNewAddress(
        int interfaceIndex, IPAddress address, int prefixLength, AddressFlags flags, uint sequence) =>
        BuildAddress(RTM_NEWADDR, NewFlags | NetlinkConstants.NLM_F_EXCL, interfaceIndex, address, prefixLength, flags, sequence);

    /// <summary>
    /// RTM_NEWADDR with NLM_F_REPLACE and IFA_CACHEINFO (like <c>ip -6 addr change ADDRESS/LEN dev IF preferred_lft P
    /// valid_lft V</c>): new lifetimes for an existing address. Preferred 0 deprecates it (RFC 4862 §5.5.4).
    /// </summary>
    public static byte[] BuildChangeLifetimes(
        int interfaceIndex, IPAddress address, int prefixLength, uint preferred, uint valid, uint sequence)
    {
        ValidateAddress(interfaceIndex, address, prefixLength);
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(RTM_NEWADDR, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK | NetlinkConstants.NLM_F_REPLACE, sequence);
        var ifaddrmsg = writer.Reserve(IfAddrMsgSize);
        ifaddrmsg[0] = AF_INET6;
        ifaddrmsg[1] = (byte)prefixLength;
        BinaryPrimitives.WriteInt32LittleEndian(ifaddrmsg[4..], interfaceIndex);
        writer.WriteAddress(IFA_LOCAL, address); // iproute2's order for `change`: LOCAL, ADDRESS, CACHEINFO
        writer.WriteAddress(IFA_ADDRESS, address);
        Span<byte> cacheinfo = stackalloc byte[16]; // struct ifa_cacheinfo { prefered, valid, cstamp, tstamp }
        cacheinfo.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(cacheinfo, preferred);
        BinaryPrimitives.WriteUInt32LittleEndian(cacheinfo[4..], valid);
        writer.WriteAttribute(IFA_CACHEINFO, cacheinfo);
        return writer.ToArray();
    }

    /// <summary>RTM_DELADDR (like <c>ip -6 addr del</c>).</summary>
    public static byte[] BuildDeleteAddress(int interfaceIndex, IPAddress address, int prefixLength, uint sequence) =>
        BuildAddress(RTM_DELADDR, DeleteFlags, interfaceIndex, address, prefixLength, AddressFlags.None, sequence);

    /// <summary>RTM_GETADDR dump of every IPv6 address (filtered by interface on our side).</summary>
    public static byte[] BuildGetAddresses(uint sequence)
    {
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(RTM_GETADDR, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, sequence);
        writer.Reserve(IfAddrMsgSize)[0] = AF_INET6;
        return writer.ToArray();
    }

    private static byte[] BuildAddress(
        ushort messageType, int flags, int interfaceIndex, IPAddress address, int prefixLength,
        AddressFlags addressFlags, uint sequence)
    {
        ValidateAddress(interfaceIndex, address, prefixLength);
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(messageType, (ushort)flags, sequence);
        var ifaddrmsg = writer.Reserve(IfAddrMsgSize);
        ifaddrmsg[0] = AF_INET6;
        ifaddrmsg[1] = (byte)prefixLength;
        ifaddrmsg[2] = (byte)addressFlags;
        ifaddrmsg[3] = RT_SCOPE_UNIVERSE; // the kernel derives the scope from the address (fe80::/10 → link)
        BinaryPrimitives.WriteInt32LittleEndian(ifaddrmsg[4..], interfaceIndex);

        // IFA_LOCAL then IFA_ADDRESS, both the address itself (no point-to-point peer), as iproute2 sends.
        writer.WriteAddress(IFA_LOCAL, address);
        writer.WriteAddress(IFA_ADDRESS, address);
        return writer.ToArray();
    }

    private static void ValidateAddress(int interfaceIndex, IPAddress address, int prefixLength)
    {
        if (interfaceIndex <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(interfaceIndex), interfaceIndex, "must be a real interface index");
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException($"{address} is not an IPv6 address", nameof(address));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 128);
    }
}
