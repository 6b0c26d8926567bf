using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>struct in6_pktinfo (RFC 3542 §6.1): destination on receive, source on send, and the interface.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct In6PktInfo
{
    public fixed byte Address[16];
    public uint InterfaceIndex;
}
