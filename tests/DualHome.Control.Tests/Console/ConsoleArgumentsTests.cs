using DualHome.Control.Console;

namespace DualHome.Control.Tests.Console;

public class ConsoleArgumentsTests
{
    [Fact]
    public void NoArgumentsUseTheDefaults() =>
        Assert.Equal(new ConsoleArguments(null, null, null, false, null), ConsoleArguments.Parse([]));

    [Fact]
    public void SocketAndTty()
    {
        var parsed = ConsoleArguments.Parse(["--socket", "/run/x.sock", "--tty=/dev/ttyS2"]);
        Assert.Equal(("/run/x.sock", (string?)null, "/dev/ttyS2", (string?)null), (parsed.Socket, parsed.Config, parsed.Tty, parsed.Error));
    }

    [Fact]
    public void ConfigFile() =>
        Assert.Equal("/etc/dh.json", ConsoleArguments.Parse(["--config=/etc/dh.json"]).Config);

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    public void Help(string flag) => Assert.True(ConsoleArguments.Parse(["--tty", "/dev/ttyS2", flag]).Help);

    [Theory]
    [InlineData("use either --socket or --config, not both", "--socket", "a", "--config", "b")]
    [InlineData("--tty needs a value", "--tty")]
    [InlineData("--socket needs a value", "--socket=")]
    [InlineData("--tty given twice", "--tty", "a", "--tty", "b")]
    [InlineData("unexpected argument show", "show", "status")]
    [InlineData("unexpected argument --verbose", "--verbose")]
    public void Errors(string error, params string[] args)
    {
        var parsed = ConsoleArguments.Parse(args);
        Assert.Equal(error, parsed.Error);
        Assert.False(parsed.Help);
    }
}
