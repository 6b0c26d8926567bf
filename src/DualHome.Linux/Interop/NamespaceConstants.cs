namespace DualHome.Linux.Interop;

/// <summary>open(2) flags and setns(2) namespace types (asm-generic/fcntl.h, linux/sched.h).</summary>
internal static class NamespaceConstants
{
    public const int O_RDONLY = 0;
    public const int O_CLOEXEC = 0x80000;
    public const int CLONE_NEWNET = 0x40000000;
}
