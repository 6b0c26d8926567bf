using DualHome.Linux;
using DualHome.Linux.Terminal;
using Microsoft.Win32.SafeHandles;

namespace DualHome.Control.Tests.Console;

/// <summary>
/// RawTerminal on a real pseudo-terminal: /dev/ptmx opens a new pty's master, and termios calls on a master
/// act on the pair's settings (those the slave side, where a getty or ssh puts the console, runs with).
/// </summary>
public class RawTerminalTests
{
    private const string Ptmx = "/dev/ptmx";

    [Fact]
    public void EnterSwitchesToRawModeAndDisposeRestores()
    {
        using var pty = OpenPty();
        var before = RawTerminal.ReadMode(pty);
        Assert.True(before.Canonical && before.Echo && before.Signals, before.ToString()); // a new pty's defaults
        using (RawTerminal.Enter(pty))
        {
            var raw = RawTerminal.ReadMode(pty);
            Assert.False(raw.Canonical);
            Assert.False(raw.Echo);
            Assert.False(raw.Signals); // Ctrl-C reaches the editor as a byte
            Assert.False(raw.CrToNewline); // Enter arrives as CR
            Assert.True(raw.OutputCrLf); // others' output still starts at the margin
            Assert.Equal(before.Baud, raw.Baud); // the speed of the user's own terminal is left alone
        }
        Assert.Equal(before, RawTerminal.ReadMode(pty));
    }

    [Fact]
    public void DisposeTwiceRestoresOnce()
    {
        using var pty = OpenPty();
        var before = RawTerminal.ReadMode(pty);
        var raw = RawTerminal.Enter(pty);
        raw.Dispose();
        RawTerminal.Enter(pty); // raw again, and never disposed
        raw.Dispose(); // must not put the old settings back a second time
        Assert.False(RawTerminal.ReadMode(pty).Canonical);
        Assert.True(before.Canonical);
    }

    [Fact]
    public void OpenSerialSets115200EightNOne()
    {
        SkipWithoutPty();
        using var serial = RawTerminal.OpenSerial(Ptmx);
        var mode = RawTerminal.ReadMode(serial.Handle);
        Assert.Equal(115200, mode.Baud);
        Assert.Equal("8N1", mode.Framing);
        Assert.False(mode.Canonical);
        Assert.False(mode.Echo);
        Assert.Equal("115200 8N1, raw, echo off, signals off", mode.ToString());
    }

    [Fact]
    public void OpenSerialClosesTheDeviceOnDispose()
    {
        SkipWithoutPty();
        var serial = RawTerminal.OpenSerial(Ptmx);
        serial.Dispose();
        Assert.True(serial.Handle.IsClosed);
    }

    [Fact]
    public void OpenSerialRefusesWhatIsNotATerminal()
    {
        var e = Assert.Throws<NativeErrorException>(() => RawTerminal.OpenSerial("/dev/null"));
        Assert.Equal("open(/dev/null) failed: errno (25): not a terminal", e.Message);
    }

    [Fact]
    public void OpenSerialReportsAMissingDevice()
    {
        var e = Assert.Throws<NativeErrorException>(() => RawTerminal.OpenSerial("/dev/ttyDoesNotExist9"));
        Assert.Equal(Errno.ENOENT, e.Errno);
    }

    [Fact]
    public void APipeIsNotATerminal()
    {
        using var file = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.Read);
        Assert.False(RawTerminal.IsTerminal(file));
        using var pty = OpenPty();
        Assert.True(RawTerminal.IsTerminal(pty));
    }

    private static SafeFileHandle OpenPty()
    {
        SkipWithoutPty();
        return File.OpenHandle(Ptmx, FileMode.Open, FileAccess.ReadWrite);
    }

    private static void SkipWithoutPty() =>
        Assert.SkipUnless(File.Exists(Ptmx), "needs /dev/ptmx (devpts) for a pseudo-terminal");
}
