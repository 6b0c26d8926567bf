namespace DualHome.Linux.Interop;

/// <summary>Checked wrappers over socket(2) and setsockopt(2): a failure becomes a <see cref="NativeErrorException"/>.</summary>
internal static class SocketCalls
{
    /// <summary>socket(2) with SOCK_CLOEXEC added.</summary>
    public static SafeFdHandle Open(int domain, int type, int protocol, string what)
    {
        var fd = Libc.Socket(domain, type | SocketConstants.SOCK_CLOEXEC, protocol);
        return fd >= 0 ? SafeFdHandle.Own(fd) : throw NativeErrorException.FromLastError($"socket({what})");
    }

    /// <summary>setsockopt(2) with a blittable value (int, timeval, ipv6_mreq …).</summary>
    public static unsafe void SetOption<T>(SafeFdHandle fd, int level, int name, T value, string optionName)
        where T : unmanaged
    {
        if (Libc.SetSockOpt(fd, level, name, &value, (uint)sizeof(T)) != 0)
        {
            throw NativeErrorException.FromLastError($"setsockopt({optionName})");
        }
    }

    /// <summary>setsockopt(2) with a byte buffer (SO_BINDTODEVICE name, ICMP6_FILTER bitmap).</summary>
    public static unsafe void SetOption(SafeFdHandle fd, int level, int name, ReadOnlySpan<byte> value, string optionName)
    {
        fixed (byte* p = value)
        {
            if (Libc.SetSockOpt(fd, level, name, p, (uint)value.Length) != 0)
            {
                throw NativeErrorException.FromLastError($"setsockopt({optionName})");
            }
        }
    }

    /// <summary>setsockopt(SO_RCVTIMEO): a blocked receive returns EAGAIN after <paramref name="timeout"/>.</summary>
    public static void SetReceiveTimeout(SafeFdHandle fd, TimeSpan timeout) =>
        SetOption(fd, SocketConstants.SOL_SOCKET, SocketConstants.SO_RCVTIMEO, TimeVal.From(timeout), "SO_RCVTIMEO");
}
