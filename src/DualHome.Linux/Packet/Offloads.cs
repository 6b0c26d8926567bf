using System.Text;
using DualHome.Linux.Interop;
using static DualHome.Linux.Interop.EthtoolConstants;

namespace DualHome.Linux.Packet;

/// <summary>
/// Reads and switches interface offloads with the legacy one-feature SIOCETHTOOL commands (linux/ethtool.h;
/// the kernel maps each onto its netdev feature bits, so they work on every driver, veth included).
/// <para>
/// Why a forwarder turns them off: with them on, an AF_PACKET socket sees GSO super-frames up to 64 KB and
/// frames whose checksum is still to be filled in (testbed.md). Sent on as they are, the super-frames do not
/// fit a 2048-byte ring slot or the egress MTU and the checksums arrive wrong. The alternative,
/// PACKET_VNET_HDR, carries that metadata through; packet mode does that by default (DataPlane.Offloads "carry",
/// RingPort) and switches only GRO on, with this class.
/// Turning tx-checksumming off also turns TSO off (netdev_fix_features), so order does not matter.
/// </para>
/// <para>
/// On veth the sender's skb crosses the pair unchanged, so what the router's ring sees is decided by the
/// PEER's TSO/GSO/tx-checksumming (and the router's own GRO): a TCP transfer showed 64 KB, all
/// CSUMNOTREADY frames with only the router's end switched off, and wire-sized frames with complete
/// checksums once the peer's end was off too (OffloadEffectIntegrationTests). A testbed must therefore
/// switch off the host and ISP ends as well; that is what a real wire does. Not covered: the legacy TSO
/// command leaves tx-tcp-accecn-segmentation (new in Linux 6.18) on; only AccECN connections, off by
/// default, could use it (ETHTOOL_SFEATURES, i.e. <c>ethtool -K</c>, would be needed to switch it).
/// </para>
/// Runs in the calling thread's network namespace; setting needs CAP_NET_ADMIN.
/// </summary>
public static class Offloads
{
    private static readonly (OffloadFeatures Feature, uint Get, uint Set)[] Commands =
    [
        (OffloadFeatures.Gro, ETHTOOL_GGRO, ETHTOOL_SGRO),
        (OffloadFeatures.Gso, ETHTOOL_GGSO, ETHTOOL_SGSO),
        (OffloadFeatures.Tso, ETHTOOL_GTSO, ETHTOOL_STSO),
        (OffloadFeatures.TxChecksum, ETHTOOL_GTXCSUM, ETHTOOL_STXCSUM),
    ];

    /// <summary>The offloads of <paramref name="features"/> that are on for <paramref name="interfaceName"/>.</summary>
    public static OffloadFeatures Get(string interfaceName, OffloadFeatures features = OffloadFeatures.Forwarding)
    {
        using var fd = OpenControlSocket();
        return GetOn(fd, interfaceName, features);
    }

    /// <summary>
    /// Turns <paramref name="features"/> off and returns those that were on before, so a stop can
    /// <see cref="Enable"/> exactly them again.
    /// </summary>
    public static OffloadFeatures Disable(string interfaceName, OffloadFeatures features = OffloadFeatures.Forwarding)
    {
        using var fd = OpenControlSocket();
        var wereOn = GetOn(fd, interfaceName, features);
        Set(fd, interfaceName, wereOn, on: false);
        return wereOn;
    }

    /// <summary>Turns <paramref name="features"/> on (where the device supports them).</summary>
    public static void Enable(string interfaceName, OffloadFeatures features)
    {
        using var fd = OpenControlSocket();
        Set(fd, interfaceName, features, on: true);
    }

    private static OffloadFeatures GetOn(SafeFdHandle fd, string interfaceName, OffloadFeatures features)
    {
        var on = OffloadFeatures.None;
        foreach (var (feature, get, _) in Commands)
        {
            if ((features & feature) != 0 && Call(fd, interfaceName, get, 0) != 0)
            {
                on |= feature;
            }
        }

        return on;
    }

    /// <summary>Enabling walks the table backwards, so tx-checksumming is on before TSO, which depends on it.</summary>
    private static void Set(SafeFdHandle fd, string interfaceName, OffloadFeatures features, bool on)
    {
        for (var i = 0; i < Commands.Length; i++)
        {
            var (feature, _, set) = Commands[on ? Commands.Length - 1 - i : i];
            if ((features & feature) != 0)
            {
                Call(fd, interfaceName, set, on ? 1u : 0u);
            }
        }
    }

    /// <summary>One SIOCETHTOOL with a struct ethtool_value; returns its data field.</summary>
    private static unsafe uint Call(SafeFdHandle fd, string interfaceName, uint command, uint data)
    {
        var value = new EthtoolValue { Command = command, Data = data };
        var request = new IfReqData { Data = &value };
        WriteName(new Span<byte>(request.Name, SocketConstants.IFNAMSIZ), interfaceName);
        if (Libc.Ioctl(fd, SIOCETHTOOL, &request) != 0)
        {
            throw NativeErrorException.FromLastError($"SIOCETHTOOL(0x{command:x2}, {interfaceName})");
        }

        return value.Data;
    }

    private static void WriteName(Span<byte> destination, string interfaceName)
    {
        if (string.IsNullOrEmpty(interfaceName) || interfaceName.Contains('\0')
            || Encoding.UTF8.GetByteCount(interfaceName) >= SocketConstants.IFNAMSIZ)
        {
            throw new ArgumentException($"invalid interface name '{interfaceName}'", nameof(interfaceName));
        }

        destination.Clear();
        Encoding.UTF8.GetBytes(interfaceName, destination);
    }

    /// <summary>Any socket carries device ioctls; a datagram socket, like ethtool(8) uses, needs no privilege.</summary>
    private static SafeFdHandle OpenControlSocket() =>
        SocketCalls.Open(SocketConstants.AF_INET, SocketConstants.SOCK_DGRAM, 0, "AF_INET, SOCK_DGRAM");
}
