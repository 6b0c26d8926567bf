using DualHome.Control.Console;

namespace DualHome.Control.Tests.Console;

public class ConsoleSessionTests
{
    private const string Prompt = ConsoleSession.Prompt;
    private readonly FakeDaemon _daemon = new();

    [Fact]
    public async Task GreetsThenPromptsAndEndsAtEndOfInput()
    {
        var terminal = await Run();
        Assert.Equal(ConsoleSession.Greeting + "\r\n" + Prompt + "\r\n", terminal.Output);
    }

    [Fact]
    public async Task ATypedCommandIsSentAsCommandAndArgs()
    {
        _daemon.Answers["uplink isp-a force-down"] = ControlResponse.Ok("uplink isp-a: override force-down, prefix deprecated");
        var terminal = await Run("uplink isp-a force-down\r");
        var request = Assert.Single(_daemon.Requests, r => r.Command == "uplink");
        Assert.Equal(["isp-a", "force-down"], request.Args);
        Assert.Contains(Prompt + "uplink isp-a force-down\r\nuplink isp-a: override force-down, prefix deprecated\r\n" + Prompt, terminal.Output);
    }

    [Fact]
    public async Task MultiLineRepliesGetCrLf()
    {
        var terminal = await Run("show status\r");
        Assert.Contains("\r\nuplink isp-a: up\r\nuplink isp-b: down\r\n" + Prompt, terminal.Output);
    }

    [Fact]
    public async Task JsonFlagPrintsTheJson()
    {
        var terminal = await Run("show status --json\r");
        Assert.Contains("\r\n" + FakeDaemon.StatusJson + "\r\n" + Prompt, terminal.Output);
    }

    [Fact]
    public async Task ARefusalIsPrintedAsAnError()
    {
        var terminal = await Run("uplink c force-down\r");
        Assert.Contains("\r\n% no uplink named 'c' (configured: isp-a, isp-b)\r\n" + Prompt, terminal.Output);
    }

    [Fact]
    public async Task AnUnknownFirstWordIsRefusedWithoutAskingTheDaemon()
    {
        var terminal = await Run("shwo status\r");
        Assert.Empty(_daemon.Typed);
        Assert.Contains("\r\n% unknown command 'shwo' (? lists the commands)\r\n" + Prompt, terminal.Output);
    }

    [Fact]
    public async Task AnUnclosedQuoteIsRefusedLocally()
    {
        var terminal = await Run("set Lan:Domains:0 \"home\r");
        Assert.Empty(_daemon.Typed);
        Assert.Contains("% unclosed quote\r\n", terminal.Output);
    }

    [Fact]
    public async Task DaemonDownIsReportedAndTheSessionGoesOn()
    {
        _daemon.FailingRequests = 2; // the banner and the first command; then the daemon is up
        var terminal = await Run("show status\r", "show status\r");
        var down = "% dualhomed is not running (no control socket at /run/dualhome/control.sock) (the next command tries again)\r\n";
        Assert.StartsWith(ConsoleSession.Greeting + "\r\n" + down + Prompt + "show status\r\n" + down + Prompt + "show status\r\nuplink isp-a: up", terminal.Output);
        Assert.Equal(["show status", "show status"], _daemon.Typed);
    }

    [Fact]
    public async Task TheBannerIsShownWhenTheDaemonHasOne()
    {
        _daemon.Answers["show banner"] = ControlResponse.Ok("WARNING: /etc/dualhome/dualhome.json was invalid; running the backup");
        var terminal = await Run();
        Assert.StartsWith(ConsoleSession.Greeting + "\r\nWARNING: /etc/dualhome/dualhome.json was invalid; running the backup\r\n" + Prompt, terminal.Output);
    }

    [Fact]
    public async Task ADaemonWithoutBannerShowsNone()
    {
        var terminal = await Run(); // the fake answers "show banner" with usage, as today's daemon does
        Assert.DoesNotContain("unknown command", terminal.Output);
    }

    [Theory]
    [InlineData("exit\r")]
    [InlineData("quit\r")]
    [InlineData("\x04")]
    public async Task ExitQuitAndCtrlDEndTheSessionAndNothingAfterIsRead(string leave)
    {
        var terminal = await Run(leave, "show status\r");
        Assert.Equal(1, terminal.Unread);
        Assert.Empty(_daemon.Typed);
    }

    [Fact]
    public async Task LinesPastedInOneReadRunInOrder()
    {
        _daemon.Answers["diff"] = ControlResponse.Ok("no changes");
        var terminal = await Run("diff\rshow status\rexit\rdiff\r");
        Assert.Equal(["diff", "show status"], _daemon.Typed);
        Assert.Contains(Prompt + "diff\r\nno changes\r\n" + Prompt + "show status\r\nuplink isp-a: up", terminal.Output);
    }

    [Fact]
    public async Task HelpIsAnsweredLocally()
    {
        _daemon.Down = true;
        var terminal = await Run("help\r");
        Assert.Contains("\r\ncommands:\r\n  show ", terminal.Output);
        Assert.Contains("\r\nkeys:\r\n", terminal.Output);
        Assert.Empty(_daemon.Typed);
    }

    [Fact]
    public async Task TabCompletesUplinkNamesFromTheDaemon()
    {
        var terminal = await Run("uplink isp-\t");
        Assert.Contains("show status --json", _daemon.Requests.Select(r => r.ToString()));
        Assert.Contains("  isp-a  the uplink's name\r\n  isp-b  the uplink's name", terminal.Output);
    }

    [Fact]
    public async Task UplinkNamesAreAskedOnceTheDaemonIsUp()
    {
        _daemon.FailingRequests = 1; // the banner fails: the names are asked after the first command that gets through, once
        await Run("diff\r", "diff\r");
        Assert.Equal(["show banner", "diff", "show status --json", "diff"], _daemon.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task ControlCharactersFromTheDaemonAreNotPassedToTheTerminal()
    {
        _daemon.Answers["show log"] = ControlResponse.Ok("eth0 \x1b[31mdown\x1b[0m\a");
        var terminal = await Run("show log\r"); // ScriptedTerminal asserts no ESC is written
        Assert.Contains("eth0 ?[31mdown?[0m?\r\n", terminal.Output);
    }

    [Fact]
    public async Task PlainModeRunsLinesWithoutPromptOrEcho()
    {
        _daemon.Answers["diff"] = ControlResponse.Ok("no changes");
        var terminal = new ScriptedTerminal(false, "show status\nuplink c force-down\r\n", "di", "ff");
        await new ConsoleSession(terminal, _daemon.SendAsync).RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["show status", "uplink c force-down", "diff"], _daemon.Requests.Select(r => r.ToString()));
        Assert.Equal("uplink isp-a: up\nuplink isp-b: down\n% no uplink named 'c' (configured: isp-a, isp-b)\nno changes\n", terminal.Output);
    }

    [Fact]
    public async Task PlainModeStopsAtExit()
    {
        var terminal = new ScriptedTerminal(false, "exit\nshow status\n");
        await new ConsoleSession(terminal, _daemon.SendAsync).RunAsync(TestContext.Current.CancellationToken);
        Assert.Empty(_daemon.Requests);
        Assert.Equal("", terminal.Output);
    }

    [Fact]
    public async Task AHungUpTerminalEndsTheSession()
    {
        var terminal = new HungUpTerminal();
        await new ConsoleSession(terminal, _daemon.SendAsync).RunAsync(TestContext.Current.CancellationToken);
        Assert.True(terminal.Read);
    }

    private async Task<ScriptedTerminal> Run(params string[] chunks)
    {
        var terminal = new ScriptedTerminal(true, chunks);
        await new ConsoleSession(terminal, _daemon.SendAsync).RunAsync(TestContext.Current.CancellationToken);
        return terminal;
    }

    /// <summary>read(2) on a pty whose other side closed fails with EIO.</summary>
    private sealed class HungUpTerminal : ITerminal
    {
        public bool Read { get; private set; }

        public bool IsInteractive => true;

        public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancel)
        {
            Read = true;
            throw new IOException("Input/output error");
        }

        public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancel) => ValueTask.CompletedTask;
    }
}
