namespace DualHome.Linux;

/// <summary>
/// The errno values the interop layer reports or tolerates. asm-generic/errno-base.h and errno.h:
/// the same numbers on x86-64 and arm64, the two targets of this firmware.
/// </summary>
public static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int ENXIO = 6;
    public const int EBADF = 9;
    public const int EAGAIN = 11;
    public const int ENOMEM = 12;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int EEXIST = 17;
    public const int ENODEV = 19;
    public const int EINVAL = 22;
    public const int ERANGE = 34;
    public const int EMSGSIZE = 90;
    public const int EPROTONOSUPPORT = 93;
    public const int EOPNOTSUPP = 95;
    public const int EAFNOSUPPORT = 97;
    public const int EADDRINUSE = 98;
    public const int EADDRNOTAVAIL = 99;
    public const int ENETDOWN = 100;
    public const int ENETUNREACH = 101;
    public const int ENOBUFS = 105;
    public const int ENOTCONN = 107;
    public const int ETIMEDOUT = 110;
    public const int EHOSTUNREACH = 113;

    /// <summary>The symbolic name, or <c>errno</c> for values this table does not know.</summary>
    public static string Name(int errno) => errno switch
    {
        EPERM => nameof(EPERM),
        ENOENT => nameof(ENOENT),
        ESRCH => nameof(ESRCH),
        EINTR => nameof(EINTR),
        EIO => nameof(EIO),
        ENXIO => nameof(ENXIO),
        EBADF => nameof(EBADF),
        EAGAIN => nameof(EAGAIN),
        ENOMEM => nameof(ENOMEM),
        EACCES => nameof(EACCES),
        EBUSY => nameof(EBUSY),
        EEXIST => nameof(EEXIST),
        ENODEV => nameof(ENODEV),
        EINVAL => nameof(EINVAL),
        ERANGE => nameof(ERANGE),
        EMSGSIZE => nameof(EMSGSIZE),
        EPROTONOSUPPORT => nameof(EPROTONOSUPPORT),
        EOPNOTSUPP => nameof(EOPNOTSUPP),
        EAFNOSUPPORT => nameof(EAFNOSUPPORT),
        EADDRINUSE => nameof(EADDRINUSE),
        EADDRNOTAVAIL => nameof(EADDRNOTAVAIL),
        ENETDOWN => nameof(ENETDOWN),
        ENETUNREACH => nameof(ENETUNREACH),
        ENOBUFS => nameof(ENOBUFS),
        ENOTCONN => nameof(ENOTCONN),
        ETIMEDOUT => nameof(ETIMEDOUT),
        EHOSTUNREACH => nameof(EHOSTUNREACH),
        _ => "errno",
    };
}
