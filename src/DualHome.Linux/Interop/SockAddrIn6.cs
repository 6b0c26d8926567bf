using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>struct sockaddr_in6 (netinet/in.h): 28 bytes, port and flow info in network order.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SockAddrIn6
{
    public ushort Family;
    public ushort Port;
    public uint FlowInfo;
    public fixed byte Address[16];
    public uint ScopeId;
}
