namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>What a raw ICMPv6 socket's receive thread feeds: the LAN's RA engine, or an uplink's gateway learner.
/// Implementations never throw on a message's content.</summary>
public interface INdReceiver
{
    void OnReceived(ReadOnlySpan<byte> icmp, in NdReceiveContext context);
}
