using DualHome.Control.Tests.Support;

namespace DualHome.Control.Tests;

public class CtlCommandTests : ControlTest
{
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly List<string> _configsRead = [];

    private string NoSocket => Dir.File("default-not-there.sock");

    [Fact]
    public async Task OkPrintsTheTextAndExitsZero()
    {
        Assert.Equal(0, await Run("--socket", SocketPath, "echo", "hello", "world"));
        Assert.Equal("hello world\n", _stdout.ToString());
        Assert.Empty(_stderr.ToString());
    }

    [Fact]
    public async Task DefaultSocketIsUsedWithoutOptions()
    {
        Assert.Equal(0, await RunWithDefault(SocketPath, "echo", "default"));
        Assert.Equal("default\n", _stdout.ToString());
        Assert.Empty(_configsRead);
    }

    [Fact]
    public async Task SocketOptionWithEqualsSign()
    {
        Assert.Equal(0, await Run($"--socket={SocketPath}", "echo", "eq"));
        Assert.Equal("eq\n", _stdout.ToString());
    }

    [Fact]
    public async Task RefusedPrintsToStderrAndExitsOne()
    {
        Assert.Equal(1, await Run("--socket", SocketPath, "refuse"));
        Assert.Empty(_stdout.ToString());
        Assert.Equal("no uplink named 'c'\n", _stderr.ToString());
    }

    [Fact]
    public async Task UsageFromTheDaemonExitsTwo()
    {
        Assert.Equal(2, await Run("--socket", SocketPath, "usage"));
        Assert.Equal("usage: uplink NAME force-down|force-up|auto\n", _stderr.ToString());
    }

    [Fact]
    public async Task HandlerFailureExitsOne()
    {
        Assert.Equal(1, await Run("--socket", SocketPath, "fail"));
        Assert.Equal("boom: the uplink table is locked\n", _stderr.ToString());
    }

    [Fact]
    public async Task JsonFlagPrintsTheJson()
    {
        Assert.Equal(0, await Run("--socket", SocketPath, "status", "--json"));
        Assert.Equal(ScriptedHandler.StatusJson + "\n", _stdout.ToString());
    }

    [Fact]
    public async Task WithoutJsonFlagTheTextIsPrinted()
    {
        Assert.Equal(0, await Run("--socket", SocketPath, "status"));
        Assert.Equal("uplink a: up\n", _stdout.ToString());
    }

    [Fact]
    public async Task JsonFlagWithoutJsonInTheAnswerPrintsTheText()
    {
        Assert.Equal(0, await Run("--socket", SocketPath, "echo", "--json"));
        Assert.Equal("--json\n", _stdout.ToString());
    }

    [Fact]
    public async Task ConfigOptionTakesTheSocketFromTheConfig()
    {
        Assert.Equal(0, await Run("--config", "/etc/dualhome/test.json", "echo", "via", "config"));
        Assert.Equal(["/etc/dualhome/test.json"], _configsRead);
        Assert.Equal("via config\n", _stdout.ToString());
    }

    [Fact]
    public async Task UnreadableConfigExitsTwo()
    {
        var code = await CtlCommand.RunAsync(["--config", "/nope.json", "echo"], NoSocket, _ => null, _stdout, _stderr);
        Assert.Equal(2, code);
        Assert.Equal("dualhomed ctl: no control socket from the config file /nope.json\n", _stderr.ToString());
    }

    [Fact]
    public async Task DaemonNotRunningExitsOneWithAClearMessage()
    {
        Assert.Equal(1, await RunWithDefault(NoSocket, "echo"));
        Assert.Equal($"dualhomed ctl: dualhomed is not running (no control socket at {NoSocket})\n", _stderr.ToString());
        Assert.Empty(_stdout.ToString());
    }

    [Theory]
    [InlineData("no command given")]
    [InlineData("no command given", "--socket", "/run/x.sock")]
    [InlineData("--socket needs a value", "--socket")]
    [InlineData("--config needs a value", "--config=", "show")]
    [InlineData("unknown option --verbose", "--verbose", "show")]
    [InlineData("use either --socket or --config, not both", "--socket", "/a", "--config", "/b", "show")]
    [InlineData("--socket given twice", "--socket", "/a", "--socket", "/b", "show")]
    public async Task UsageErrorsExitTwoWithTheUsageLine(string error, params string[] args)
    {
        Assert.Equal(2, await RunWithDefault(NoSocket, args));
        Assert.Equal($"dualhomed ctl: {error}\n{CtlCommand.UsageLine}\n", _stderr.ToString());
        Assert.Empty(_stdout.ToString());
        Assert.Empty(_configsRead);
    }

    [Fact]
    public async Task HelpOptionPrintsUsageAndExitsZero()
    {
        Assert.Equal(0, await RunWithDefault(NoSocket, "--help"));
        Assert.Equal(CtlCommand.UsageLine + "\n", _stdout.ToString());
    }

    [Fact]
    public async Task WordsAfterTheCommandArePassedOnEvenIfTheyLookLikeOptions()
    {
        Assert.Equal(0, await Run("--socket", SocketPath, "echo", "--socket", "x", "--help"));
        Assert.Equal("--socket x --help\n", _stdout.ToString());
    }

    [Fact]
    public async Task DoubleDashEndsTheOptions()
    {
        Assert.Equal(0, await Run("--socket", SocketPath, "--", "echo", "-x"));
        Assert.Equal("-x\n", _stdout.ToString());
    }

    private Task<int> Run(params string[] args) => RunWithDefault(NoSocket, args);

    private Task<int> RunWithDefault(string defaultSocket, params string[] args) =>
        CtlCommand.RunAsync(args, defaultSocket, ReadConfig, _stdout, _stderr);

    private string? ReadConfig(string file)
    {
        _configsRead.Add(file);
        return SocketPath;
    }
}
