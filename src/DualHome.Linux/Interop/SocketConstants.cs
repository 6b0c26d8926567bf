namespace DualHome.Linux.Interop;

/// <summary>Socket-layer constants (bits/socket.h, asm-generic/socket.h; equal on x86-64 and arm64).</summary>
internal static class SocketConstants
{
    public const int AF_INET = 2;
    public const int AF_INET6 = 10;
    public const int AF_NETLINK = 16;

    public const int SOCK_DGRAM = 2;
    public const int SOCK_RAW = 3;
    public const int SOCK_CLOEXEC = 0x80000;

    public const int SOL_SOCKET = 1;
    public const int SO_ERROR = 4;
    public const int SO_RCVBUF = 8;
    /// <summary>SO_RCVBUF past net.core.rmem_max (CAP_NET_ADMIN).</summary>
    public const int SO_RCVBUFFORCE = 33;
    public const int SO_RCVTIMEO = 20;
    public const int SO_BINDTODEVICE = 25;

    /// <summary>recv: report the real length even if the buffer was smaller. recvmsg msg_flags: data was cut.</summary>
    public const int MSG_TRUNC = 0x20;

    public const int SHUT_RDWR = 2;

    /// <summary>IFNAMSIZ (net/if.h): interface names are at most 15 bytes plus the NUL.</summary>
    public const int IFNAMSIZ = 16;
}
