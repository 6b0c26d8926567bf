using System.Text;
using DualHome.Control.Console;

namespace DualHome.Control.Tests.Console;

/// <summary>The console's small pure helpers: reply formatting, plain line splitting, uplink names from status JSON.</summary>
public class SmallPartsTests
{
    [Theory]
    [InlineData("a", "a\r\n")]
    [InlineData("a\nb\n", "a\r\nb\r\n")]
    [InlineData("a\r\nb", "a\r\nb\r\n")]
    [InlineData("", "\r\n")]
    [InlineData("col\tumn", "col\tumn\r\n")]
    [InlineData("bell\a esc\x1b nul\0", "bell? esc? nul?\r\n")]
    public void ReplyTextEndsLinesForTheTerminalAndHidesControls(string text, string expected) =>
        Assert.Equal(expected, ReplyText.Format(text, "\r\n"));

    [Fact]
    public void ReplyErrorMarksTheFirstLine() =>
        Assert.Equal("% unknown command 'x'\nshow status\n", ReplyText.Error("unknown command 'x'\nshow status", "\n"));

    [Fact]
    public void PlainLinesSplitAtLfAndDropCr()
    {
        var lines = new PlainLines();
        Assert.Equal(["show status"], lines.Feed("show status\r\nuplink"u8));
        Assert.Equal(["uplink a auto", ""], lines.Feed(" a auto\n\n"u8));
        Assert.Null(lines.Finish());
    }

    [Fact]
    public void PlainLinesGiveTheLastLineWithoutNewlineAtTheEnd()
    {
        var lines = new PlainLines();
        Assert.Empty(lines.Feed("diff"u8));
        Assert.Equal("diff", lines.Finish());
    }

    [Fact]
    public void PlainLinesCutAnOverlongLine()
    {
        var lines = new PlainLines();
        var cut = lines.Feed(Encoding.ASCII.GetBytes(new string('x', LineEditor.MaxLineLength + 3) + "\n"));
        Assert.Equal([LineEditor.MaxLineLength, 3], cut.Select(l => l.Length));
    }

    [Theory]
    [InlineData("""{"uplinks":[{"name":"a"},{"name":"b","state":"up"}]}""", new[] { "a", "b" })]
    [InlineData("""{"uplinks":[{"name":1},{"state":"up"},"a"]}""", new string[0])]
    [InlineData("""{"uplinks":{}}""", new string[0])]
    [InlineData("""[]""", new string[0])]
    [InlineData("""not json""", new string[0])]
    [InlineData(null, new string[0])]
    public void UplinkNamesFromStatusJson(string? json, string[] expected) =>
        Assert.Equal(expected, UplinkNames.FromStatusJson(json));
}
