using System.Net;

namespace DualHome.Linux.Netlink;

public sealed partial class Rtnetlink
{
    /// <summary>Deletes a neighbour entry so the next packet resolves it afresh (a gateway left INCOMPLETE while
    /// the cable was out would otherwise wait for the kernel's next 1 s retransmit). Returns false if absent.</summary>
    public bool DeleteNeighbor(int interfaceIndex, IPAddress address) =>
        Execute("RTM_DELNEIGH", seq => NetlinkMessages.BuildDeleteNeighbor(interfaceIndex, address, seq), MissingErrors);
}
