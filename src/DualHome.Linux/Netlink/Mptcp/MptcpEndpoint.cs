using System.Net;

namespace DualHome.Linux.Netlink.Mptcp;

/// <summary>enum mptcp_pm_addr flags (linux/mptcp.h): what the in-kernel path manager does with an endpoint.</summary>
[Flags]
public enum MptcpEndpointFlags : uint
{
    None = 0,
    /// <summary>Announce the address to the peer (ADD_ADDR).</summary>
    Signal = 1,
    /// <summary>Open an extra subflow from this address to the peer (what a client uses).</summary>
    Subflow = 2,
    /// <summary>Carry data on this subflow only when no other one works.</summary>
    Backup = 4,
    Fullmesh = 8,
}

/// <summary>One MPTCP endpoint, as <c>ip mptcp endpoint add ADDRESS dev IF id ID FLAGS</c> sets it (issue 11).</summary>
public sealed record MptcpEndpoint(byte Id, IPAddress Address, int InterfaceIndex, MptcpEndpointFlags Flags);

/// <summary>The path manager's per-connection limits (<c>ip mptcp limits</c>).</summary>
public sealed record MptcpLimits(uint AcceptedAddAddrs, uint Subflows);
