namespace DualHome.Linux.Interop;

/// <summary>
/// termios flags, control-character indices and tcsetattr actions (asm-generic/termbits.h and
/// asm-generic/termbits-common.h; x86-64 and arm64 use these values, unlike alpha, mips, powerpc, sparc).
/// </summary>
internal static class TermiosConstants
{
    // c_iflag
    public const uint IGNBRK = 0x1;
    public const uint BRKINT = 0x2;
    public const uint PARMRK = 0x8;
    public const uint INPCK = 0x10;
    public const uint ISTRIP = 0x20;
    public const uint INLCR = 0x40;
    public const uint IGNCR = 0x80;
    public const uint ICRNL = 0x100;
    public const uint IXON = 0x400;
    public const uint IXOFF = 0x1000;

    // c_oflag
    public const uint OPOST = 0x1;
    public const uint ONLCR = 0x4;

    // c_cflag
    public const uint CBAUD = 0x100f; // includes CBAUDEX (0x1000), the bit of the speeds above 38400
    public const uint CSIZE = 0x30;
    public const uint CS5 = 0x0;
    public const uint CS6 = 0x10;
    public const uint CS7 = 0x20;
    public const uint CS8 = 0x30;
    public const uint CSTOPB = 0x40;
    public const uint CREAD = 0x80;
    public const uint PARENB = 0x100;
    public const uint PARODD = 0x200;
    public const uint CLOCAL = 0x800;
    public const uint CRTSCTS = 0x80000000;

    // c_lflag
    public const uint ISIG = 0x1;
    public const uint ICANON = 0x2;
    public const uint ECHO = 0x8;
    public const uint ECHOE = 0x10;
    public const uint ECHOK = 0x20;
    public const uint ECHONL = 0x40;
    public const uint IEXTEN = 0x8000;

    // c_cc indices
    public const int VTIME = 5;
    public const int VMIN = 6;

    // tcsetattr optional_actions
    public const int TCSANOW = 0;

    /// <summary>errno of a termios call on something that is not a terminal (asm-generic/errno-base.h).</summary>
    public const int ENOTTY = 25;

    // open(2) flags (asm-generic/fcntl.h)
    public const int O_RDWR = 0x2;
    public const int O_NOCTTY = 0x100;
    public const int O_CLOEXEC = 0x80000;
}
