using System.Net;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>Neighbour cache entries (RTM_GETNEIGH, RTM_DELNEIGH).</summary>
public sealed partial class Rtnetlink
{
    /// <summary>Deletes a neighbour entry so the next packet resolves it afresh (a gateway left INCOMPLETE while
    /// the cable was out would otherwise wait for the kernel's next 1 s retransmit). Returns false if absent.</summary>
    public bool DeleteNeighbor(int interfaceIndex, IPAddress address) =>
        Execute("RTM_DELNEIGH", seq => NetlinkMessages.BuildDeleteNeighbor(interfaceIndex, address, seq), MissingErrors);

    /// <summary>Asks the kernel to resolve <paramref name="address"/> on the interface (or re-confirm a stale entry);
    /// the answer arrives later as an RTM_NEWNEIGH notification. See <see cref="NetlinkMessages.BuildResolveNeighbor"/>.</summary>
    public void ResolveNeighbor(int interfaceIndex, IPAddress address) =>
        Execute("RTM_NEWNEIGH NTF_USE", seq => NetlinkMessages.BuildResolveNeighbor(interfaceIndex, address, seq), []);

    /// <summary>Every IPv6 neighbour entry of every interface.</summary>
    public IReadOnlyList<NeighborEvent> GetNeighbors()
    {
        var neighbors = new List<NeighborEvent>();
        Query("RTM_GETNEIGH", NetlinkMessages.BuildGetNeighbors, (in NetlinkMessage reply) =>
        {
            if (reply.Type == RTM_NEWNEIGH && NeighborParser.TryParse(reply.Payload, deleted: false, out var parsed))
                neighbors.Add(parsed);
        });
        return neighbors;
    }

    /// <summary>The entry for <paramref name="address"/> on the interface (<c>ip -6 neigh get</c>), or null if the
    /// kernel has none. Linux 5.0+.</summary>
    public NeighborEvent? GetNeighbor(int interfaceIndex, IPAddress address)
    {
        NeighborEvent? neighbor = null;
        try
        {
            Query("RTM_GETNEIGH", seq => NetlinkMessages.BuildGetNeighbor(interfaceIndex, address, seq),
                (in NetlinkMessage reply) =>
                {
                    if (reply.Type == RTM_NEWNEIGH && NeighborParser.TryParse(reply.Payload, deleted: false, out var parsed))
                    {
                        neighbor = parsed;
                    }
                });
        }
        catch (NativeErrorException e) when (e.Errno == Errno.ENOENT)
        {
            return null;
        }

        return neighbor;
    }
}
