using DualHome.Control.Console;

namespace DualHome.Control.Tests.Console;

public class HelpListingTests
{
    [Fact]
    public void WordsAreAlignedInOneColumn()
    {
        var lines = HelpListing.Format([new("a", "first"), new("abc", "second")], 80);
        Assert.Equal(["  a    first", "  abc  second"], lines);
    }

    [Fact]
    public void LongDescriptionsWrapAtSpacesWithinTheWidth()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 30));
        var lines = HelpListing.Format([new("key", text)], 40);
        Assert.All(lines, l => Assert.True(l.Length <= 39, $"{l.Length}: {l}"));
        Assert.All(lines.Skip(1), l => Assert.StartsWith("       word", l));
        Assert.Equal(30, lines.Sum(l => l.Split(' ').Count(w => w == "word")));
    }

    [Fact]
    public void AWordWiderThanTheColumnGetsItsOwnRow()
    {
        var lines = HelpListing.Format([new("a-very-long-keyword", "it does things"), new("b", "short")], 80);
        Assert.Equal(["  a-very-long-keyword", "                  it does things", "  b               short"], lines);
    }

    [Fact]
    public void AWordLongerThanTheRoomIsCut()
    {
        Assert.Equal(["abcde", "fgh"], HelpListing.Wrap("abcdefgh", 5));
    }

    [Fact]
    public void EveryGrammarListingFitsEightyColumns()
    {
        void Walk(IReadOnlyList<GrammarNode> level)
        {
            var lines = HelpListing.Format([.. level.Select(n => new HelpEntry(n.Word, n.Description))], 80);
            Assert.All(lines, l => Assert.True(l.Length < 80, l));
            foreach (var node in level)
            {
                Walk(node.Next);
            }
        }
        Walk(CommandGrammar.Commands);
        Assert.All(ConsoleHelp.Lines(80), l => Assert.True(l.Length < 80, l));
    }
}
