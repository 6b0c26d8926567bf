using DualHome.Control.Console;

namespace DualHome.Control.Tests.Console;

public class CommandWordsTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    [InlineData("show status", new[] { "show", "status" })]
    [InlineData("  show \t status  ", new[] { "show", "status" })]
    [InlineData("set Lan:Domains:0 \"home arpa\"", new[] { "set", "Lan:Domains:0", "home arpa" })]
    [InlineData("set KEY \"\"", new[] { "set", "KEY", "" })]
    [InlineData("set KEY a\"b c\"d", new[] { "set", "KEY", "ab cd" })]
    public void SplitsAtBlanksOutsideQuotes(string line, string[] expected)
    {
        Assert.Equal(expected, CommandWords.Split(line, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void AnUnclosedQuoteIsAnError()
    {
        Assert.Null(CommandWords.Split("set KEY \"a b", out var error));
        Assert.Equal("unclosed quote", error);
    }

    [Theory]
    [InlineData("", new string[0], "")]
    [InlineData("sh", new string[0], "sh")]
    [InlineData("show ", new[] { "show" }, "")]
    [InlineData("show st", new[] { "show" }, "st")]
    public void SplitAtCursorSeparatesTheWordBeingTyped(string line, string[] done, string partial)
    {
        var (d, p) = CommandWords.SplitAtCursor(line)!.Value;
        Assert.Equal(done, d);
        Assert.Equal(partial, p);
    }
}
