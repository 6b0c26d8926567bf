using System.Net;
using DualHome.DataPlane.Neighbors;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Ipv6;

namespace DualHome.DataPlane.Forwarding;

/// <summary>
/// One port as the forwarder sees it: name (for counters), MAC, MTU, the neighbor table of its link, and the
/// router's unicast address that ICMPv6 errors sent out of this port come from (RFC 4443 §2.2; a global address,
/// so errors about forwarded packets reach remote sources too).
/// </summary>
public sealed class PortConfig
{
    private readonly byte[] _errorSource;

    public PortConfig(string name, Mac mac, int mtu, IPAddress errorSource, INeighborTable neighbors)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(mtu, Ipv6Header.MinimumMtu); // RFC 8200 §5
        ArgumentNullException.ThrowIfNull(neighbors);
        if (mac.IsMulticast)
            throw new ArgumentException($"{mac} is a group address, not a port's MAC.", nameof(mac));
        Name = name;
        Mac = mac;
        Mtu = mtu;
        Neighbors = neighbors;
        ErrorSourceAddress = errorSource;
        _errorSource = UnicastBytes(errorSource);
    }

    public string Name { get; }
    public Mac Mac { get; }

    /// <summary>The largest IPv6 packet (header included, Ethernet header excluded) the port sends.</summary>
    public int Mtu { get; }

    public INeighborTable Neighbors { get; }

    public IPAddress ErrorSourceAddress { get; }

    internal ReadOnlySpan<byte> ErrorSource => _errorSource;

    private static byte[] UnicastBytes(IPAddress address)
    {
        Ipv6Bytes.RequireIpv6(address, nameof(address));
        byte[] bytes = address.GetAddressBytes();
        if (Ipv6Bytes.IsUnspecified(bytes) || Ipv6Bytes.IsMulticast(bytes))
            throw new ArgumentException($"{address} is not a unicast address.", nameof(address));
        return bytes;
    }
}
