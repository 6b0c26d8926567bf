using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>
/// struct tpacket2_hdr (linux/if_packet.h): 32 bytes at the start of every TPACKET_V2 ring frame,
/// followed (RX) by a struct sockaddr_ll at TPACKET_ALIGN(32) = 32.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TPacket2Header
{
    /// <summary>TPACKET2_HDRLEN: TPACKET_ALIGN(sizeof(tpacket2_hdr)) + sizeof(sockaddr_ll).</summary>
    public const int HeaderLengthWithAddress = 32 + 20;

    /// <summary>Where the kernel reads a TX frame's data: TPACKET2_HDRLEN - sizeof(sockaddr_ll) (net/packet/af_packet.c).</summary>
    public const int TxDataOffset = 32;

    /// <summary>Offset of the RX frame's sockaddr_ll.</summary>
    public const int AddressOffset = 32;

    public uint Status;
    public uint Length;
    public uint SnapLength;
    public ushort MacOffset;
    public ushort NetworkOffset;
    public uint Seconds;
    public uint Nanoseconds;
    public ushort VlanTci;
    public ushort VlanTpid;
    public uint Padding;
}
