using DualHome.Linux.Interop;

namespace DualHome.Linux;

/// <summary>What the process may do: raw sockets, routes and namespaces need root (or CAP_NET_ADMIN/CAP_NET_RAW).</summary>
public static class Privileges
{
    /// <summary>True when the effective user id is 0 (geteuid(2)).</summary>
    public static bool IsRoot => Libc.GetEUid() == 0;
}
