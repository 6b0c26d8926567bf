using DualHome.Linux.Interop;

namespace DualHome.Linux.Netlink.Mptcp;

/// <summary>
/// The kernel's in-kernel MPTCP path manager over generic netlink (issue 11): endpoints and limits, as <c>ip mptcp</c>
/// manages them. Synchronous; errors become <see cref="NativeErrorException"/>. Lives in the calling thread's network
/// namespace; a kernel without MPTCP has no "mptcp_pm" family (ENOENT at <see cref="Open"/>).
/// </summary>
public sealed class MptcpPathManager : IDisposable
{
    private readonly NetlinkSession _session;
    private readonly ushort _family;

    private MptcpPathManager(NetlinkSession session, ushort family) => (_session, _family) = (session, family);

    public static MptcpPathManager Open()
    {
        HostOrder.RequireLittleEndian();
        var session = new NetlinkSession(NetlinkSocket.Open(protocol: NetlinkConstants.NETLINK_GENERIC));
        try
        {
            ushort family = 0;
            session.Query("CTRL_CMD_GETFAMILY mptcp_pm", seq => GenericNetlinkMessages.BuildGetFamily(MptcpMessages.Family, seq),
                (in NetlinkMessage reply) => family = GenericNetlinkMessages.ReadFamilyId(reply));
            if (family == 0) throw new NativeErrorException("CTRL_CMD_GETFAMILY mptcp_pm", Errno.ENOENT, "no family id in the reply");
            return new MptcpPathManager(session, family);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Adds an endpoint; false when its id or address is already there (the kernel says EBUSY or EEXIST).</summary>
    public bool AddEndpoint(MptcpEndpoint endpoint) =>
        _session.Execute("MPTCP_PM_CMD_ADD_ADDR", seq => MptcpMessages.BuildAddEndpoint(_family, endpoint, seq), [Errno.EBUSY, Errno.EEXIST]);

    /// <summary>Deletes an endpoint by id; false when there is none (EINVAL, ENOENT).</summary>
    public bool DeleteEndpoint(byte id) =>
        _session.Execute("MPTCP_PM_CMD_DEL_ADDR", seq => MptcpMessages.BuildDeleteEndpoint(_family, id, seq), [Errno.EINVAL, Errno.ENOENT]);

    /// <summary>Marks an endpoint (and its subflows) backup or not.</summary>
    public void SetBackup(byte id, bool backup) =>
        _session.Execute("MPTCP_PM_CMD_SET_FLAGS", seq => MptcpMessages.BuildSetBackup(_family, id, backup, seq), []);

    public MptcpLimits GetLimits()
    {
        var limits = new MptcpLimits(0, 0);
        _session.Query("MPTCP_PM_CMD_GET_LIMITS", seq => MptcpMessages.BuildGetLimits(_family, seq),
            (in NetlinkMessage reply) => limits = MptcpMessages.ReadLimits(reply));
        return limits;
    }

    public void SetLimits(MptcpLimits limits) =>
        _session.Execute("MPTCP_PM_CMD_SET_LIMITS", seq => MptcpMessages.BuildSetLimits(_family, limits, seq), []);

    public void Dispose() => _session.Dispose();
}
