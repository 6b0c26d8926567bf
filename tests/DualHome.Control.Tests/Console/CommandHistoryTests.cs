using DualHome.Control.Console;

namespace DualHome.Control.Tests.Console;

public class CommandHistoryTests
{
    [Fact]
    public void KeepsAtMostCapacityDroppingTheOldest()
    {
        var history = new CommandHistory(capacity: 3);
        foreach (var line in new[] { "a", "b", "c", "d" })
        {
            history.Add(line);
        }
        Assert.Equal(["b", "c", "d"], history.Entries);
    }

    [Fact]
    public void DefaultCapacityIsFifty()
    {
        var history = new CommandHistory();
        for (var i = 0; i < 60; i++)
        {
            history.Add($"show log {i}");
        }
        Assert.Equal(50, history.Entries.Count);
        Assert.Equal("show log 10", history.Entries[0]);
    }

    [Fact]
    public void RepeatOfThePreviousLineAndBlankLinesAreNotKept()
    {
        var history = new CommandHistory();
        history.Add("show status");
        history.Add("show status ");
        history.Add("   ");
        history.Add("diff");
        history.Add("show status");
        Assert.Equal(["show status", "diff", "show status"], history.Entries);
    }

    [Fact]
    public void OlderOnAnEmptyHistoryIsNull()
    {
        Assert.Null(new CommandHistory().Older("draft"));
        Assert.Null(new CommandHistory().Newer());
    }

    [Fact]
    public void BrowsingWalksBackAndForthAndKeepsTheDraft()
    {
        var history = new CommandHistory();
        history.Add("a");
        history.Add("b");
        Assert.Equal("b", history.Older("typing"));
        Assert.Equal("a", history.Older("b"));
        Assert.Null(history.Older("a"));
        Assert.Equal("b", history.Newer());
        Assert.Equal("typing", history.Newer());
        Assert.Null(history.Newer());
    }

    [Fact]
    public void ZeroCapacityIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommandHistory(0));
}
