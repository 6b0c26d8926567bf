using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>struct mmsghdr (bits/socket.h): a msghdr and the byte count sendmmsg/recvmmsg report for it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MMsgHdr
{
    public MsgHdr Header;
    public uint Length;
}
