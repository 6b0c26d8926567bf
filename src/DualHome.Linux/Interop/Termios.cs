using System.Runtime.InteropServices;

namespace DualHome.Linux.Interop;

/// <summary>
/// glibc's struct termios (bits/termios-struct.h), the same on x86-64 and arm64: four tcflag_t (uint32),
/// c_line, c_cc[NCCS = 32], then c_ispeed and c_ospeed after 3 bytes of padding. 60 bytes. glibc converts
/// it to the kernel's smaller struct in tcgetattr/tcsetattr, which is why these go through libc rather than
/// ioctl(TCGETS).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 60)]
internal unsafe struct Termios
{
    public const int ControlCharCount = 32;

    [FieldOffset(0)] public uint InputFlags;
    [FieldOffset(4)] public uint OutputFlags;
    [FieldOffset(8)] public uint ControlFlags;
    [FieldOffset(12)] public uint LocalFlags;
    [FieldOffset(16)] public byte Line;
    [FieldOffset(17)] public fixed byte ControlChars[ControlCharCount];
    [FieldOffset(52)] public uint InputSpeed;
    [FieldOffset(56)] public uint OutputSpeed;
}
