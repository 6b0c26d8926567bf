using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>
/// struct msghdr (bits/socket.h). Sequential layout reproduces the C padding after msg_namelen and
/// msg_flags; lengths are size_t on glibc.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MsgHdr
{
    public void* Name;
    public uint NameLength;
    public IoVec* Iov;
    public nuint IovLength;
    public void* Control;
    public nuint ControlLength;
    public int Flags;
}
