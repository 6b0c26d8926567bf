using DualHome.Control.Console;

namespace DualHome.Control.Tests.Console;

public class CommandGrammarTests
{
    [Theory]
    [InlineData("show status")]
    [InlineData("show status --json")]
    [InlineData("show uplinks")]
    [InlineData("show config")]
    [InlineData("show counters")]
    [InlineData("show log")]
    [InlineData("show log 20")]
    [InlineData("uplink a force-down")]
    [InlineData("uplink wan2 force-up")]
    [InlineData("uplink a auto")]
    [InlineData("button short")]
    [InlineData("button hold3")]
    [InlineData("button hold10")]
    [InlineData("set Lan:Ra:Mtu 1480")]
    [InlineData("unset Lan:Dns:1")]
    [InlineData("diff")]
    [InlineData("commit")]
    [InlineData("save")]
    [InlineData("discard")]
    [InlineData("rollback")]
    [InlineData("help")]
    [InlineData("exit")]
    [InlineData("quit")]
    public void EveryCommandOfTheIssueIsAWholeCommand(string line)
    {
        var position = CommandGrammar.Follow(line.Split(' '), out var unmatched);
        Assert.NotNull(position);
        Assert.True(position.CanEnd, line);
        Assert.Equal(-1, unmatched);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("uplink a")]
    [InlineData("button")]
    [InlineData("set Lan:Ra:Mtu")]
    public void IncompleteCommandsCannotEnd(string line) =>
        Assert.False(CommandGrammar.Follow(line.Split(' '), out _)!.CanEnd);

    [Fact]
    public void AKeywordWinsOverAPlaceholder()
    {
        var position = CommandGrammar.Follow(["show", "log"], out _);
        Assert.Equal(["N"], position!.Next.Select(n => n.Word));
    }

    [Theory]
    [InlineData("shwo status", 0)]
    [InlineData("show foo", 1)]
    [InlineData("uplink a sideways", 2)]
    [InlineData("diff now", 1)]
    public void FollowNamesTheFirstWordThatFitsNowhere(string line, int expected)
    {
        Assert.Null(CommandGrammar.Follow(line.Split(' '), out var unmatched));
        Assert.Equal(expected, unmatched);
    }

    [Fact]
    public void CheckRefusesOnlyAnUnknownFirstWord()
    {
        Assert.Equal("unknown command 'shwo' (? lists the commands)", CommandGrammar.Check(["shwo", "status"]));
        Assert.Null(CommandGrammar.Check(["show", "whatever-a-newer-daemon-knows"]));
        Assert.Null(CommandGrammar.Check([]));
    }

    [Fact]
    public void EveryNodeHasADescriptionAndNoTwoSiblingsShareAWord()
    {
        void Walk(IReadOnlyList<GrammarNode> level)
        {
            Assert.Equal(level.Count, level.Select(n => n.Word).Distinct().Count());
            Assert.True(level.Count(n => n.IsPlaceholder) <= 1);
            foreach (var node in level)
            {
                Assert.False(string.IsNullOrWhiteSpace(node.Description), node.Word);
                Walk(node.Next);
            }
        }
        Walk(CommandGrammar.Commands);
    }

    [Fact]
    public void LocalCommandsAreInTheGrammar() =>
        Assert.All(CommandGrammar.LocalCommands, c => Assert.Contains(CommandGrammar.Commands, n => n.Word == c));
}
