using System.Net;
using DualHome.Wire.Ipv6;

namespace DualHome.DataPlane.Forwarding;

/// <summary>An uplink: its port, the ISP gateway (usually link-local, resolved in the port's neighbor table), and
/// whether the control plane considers it up.</summary>
public sealed class UplinkConfig
{
    private readonly byte[] _gateway;

    public UplinkConfig(PortConfig port, IPAddress gateway, bool isUp)
    {
        ArgumentNullException.ThrowIfNull(port);
        Ipv6Bytes.RequireIpv6(gateway, nameof(gateway));
        Port = port;
        Gateway = gateway;
        _gateway = gateway.GetAddressBytes();
        IsUp = isUp;
    }

    public PortConfig Port { get; }
    public IPAddress Gateway { get; }
    public bool IsUp { get; }

    internal ReadOnlySpan<byte> GatewayBytes => _gateway;

    public UplinkConfig WithUp(bool isUp) => isUp == IsUp ? this : new UplinkConfig(Port, Gateway, isUp);
}
