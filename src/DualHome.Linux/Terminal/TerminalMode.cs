using DualHome.Linux.Interop;
using static DualHome.Linux.Interop.TermiosConstants;

namespace DualHome.Linux.Terminal;

/// <summary>
/// A terminal's settings as the console cares about them (what <c>stty -a</c> would show): line discipline,
/// echo, signal keys, output newline handling, speed and framing. For logs and tests.
/// </summary>
public sealed record TerminalMode(bool Canonical, bool Echo, bool Signals, bool CrToNewline, bool OutputCrLf, int Baud, string Framing)
{
    /// <summary>CBAUD codes and their speeds (asm-generic/termbits.h); other codes read as 0.</summary>
    private static readonly Dictionary<uint, int> Speeds = new()
    {
        [0xd] = 9600, [0xe] = 19200, [0xf] = 38400, [0x1001] = 57600, [0x1002] = 115200,
        [0x1003] = 230400, [0x1004] = 460800, [0x1007] = 921600, [0x100a] = 1500000,
    };

    internal static TerminalMode From(in Termios t) => new(
        Canonical: (t.LocalFlags & ICANON) != 0,
        Echo: (t.LocalFlags & ECHO) != 0,
        Signals: (t.LocalFlags & ISIG) != 0,
        CrToNewline: (t.InputFlags & ICRNL) != 0,
        OutputCrLf: (t.OutputFlags & (OPOST | ONLCR)) == (OPOST | ONLCR),
        Baud: Speeds.GetValueOrDefault(t.ControlFlags & CBAUD),
        Framing: FramingOf(t.ControlFlags));

    public override string ToString() =>
        $"{Baud} {Framing}, {(Canonical ? "canonical" : "raw")}, echo {(Echo ? "on" : "off")}, signals {(Signals ? "on" : "off")}";

    /// <summary>"8N1" and the like: data bits, parity (N, E, O), stop bits.</summary>
    private static string FramingOf(uint cflag)
    {
        var bits = (cflag & CSIZE) switch { CS5 => 5, CS6 => 6, CS7 => 7, _ => 8 };
        var parity = (cflag & PARENB) == 0 ? 'N' : (cflag & PARODD) != 0 ? 'O' : 'E';
        return $"{bits}{parity}{((cflag & CSTOPB) != 0 ? 2 : 1)}";
    }
}
