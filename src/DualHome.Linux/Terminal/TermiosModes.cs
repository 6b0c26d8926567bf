using DualHome.Linux.Interop;
using static DualHome.Linux.Interop.TermiosConstants;

namespace DualHome.Linux.Terminal;

/// <summary>The terminal settings the console runs in, as pure edits of a <see cref="Termios"/>.</summary>
internal static class TermiosModes
{
    public const int SerialBaud = 115200;

    /// <summary>B115200: the speed code in c_cflag's CBAUD bits (asm-generic/termbits.h).</summary>
    private const uint B115200 = 0x1002;

    /// <summary>
    /// Non-canonical, no echo, one byte at a time (VMIN 1, VTIME 0), like cfmakeraw(3) except: ISIG stays off
    /// so Ctrl-C reaches the line editor as a byte, and output processing (OPOST, ONLCR) stays on so text
    /// written by anyone else still starts its lines at the left margin. CR is not turned into NL (ICRNL off):
    /// the editor takes CR, LF and CR LF as Enter. No software flow control: Ctrl-S must not freeze a console.
    /// </summary>
    public static Termios Raw(Termios t)
    {
        t.InputFlags &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON | IXOFF);
        t.OutputFlags |= OPOST | ONLCR;
        t.LocalFlags &= ~(ECHO | ECHOE | ECHOK | ECHONL | ICANON | ISIG | IEXTEN);
        unsafe
        {
            t.ControlChars[VMIN] = 1;
            t.ControlChars[VTIME] = 0;
        }
        return t;
    }

    /// <summary>
    /// 115200 baud, 8 data bits, no parity, 1 stop bit, receiver on, modem lines ignored (CLOCAL: a console
    /// cable often has no carrier detect), no hardware flow control. The speed is written both as the CBAUD
    /// code, which glibc before 2.42 passes to the kernel, and as the number in c_ispeed/c_ospeed, which
    /// glibc 2.42's tcsetattr (arbitrary speeds) reads; each ignores the other, so no cfsetspeed call is needed.
    /// </summary>
    public static Termios Serial(Termios t)
    {
        t.ControlFlags &= ~(CBAUD | CSIZE | PARENB | PARODD | CSTOPB | CRTSCTS);
        t.ControlFlags |= B115200 | CS8 | CREAD | CLOCAL;
        t.InputFlags &= ~INPCK;
        t.InputSpeed = t.OutputSpeed = SerialBaud;
        return t;
    }
}
