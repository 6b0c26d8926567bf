using System.Net;

namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>One advertisement to transmit now: to all-nodes (ff02::1) or unicast to a soliciting host.</summary>
public readonly record struct RaSend(IPAddress Destination)
{
    public static readonly IPAddress AllNodes = IPAddress.Parse("ff02::1");
    public bool IsMulticast => Destination.Equals(AllNodes);
}
