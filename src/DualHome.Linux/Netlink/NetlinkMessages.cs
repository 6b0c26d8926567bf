namespace DualHome.Linux.Netlink;

/// <summary>
/// Pure builders of the rtnetlink requests DualHome sends, one file per object (Route, Address, Link).
/// Each returns the complete message; the byte layout matches what iproute2 sends for the same command
/// (see the golden tests), except for the sequence number, which the caller chooses.
/// </summary>
public static partial class NetlinkMessages
{
    /// <summary>Room for the largest request built here (a rule with every attribute is 132 bytes, a route 104).</summary>
    private const int MaxRequestSize = 256;

    private const ushort NewFlags = NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK | NetlinkConstants.NLM_F_CREATE;
    private const ushort DeleteFlags = NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK;
}
