namespace DualHome.Control.Tests.Console;

/// <summary><c>?</c>: what may follow, on the rows below, then the prompt and the line again; the '?' never joins the line.</summary>
public class HelpKeyTests
{
    private const string Prompt = "dualhome> ";
    private readonly EditorDriver _d = new EditorDriver().Begin();

    [Fact]
    public void OnAnEmptyLineListsEveryCommand()
    {
        var output = _d.Type("?");
        foreach (var command in new[] { "show", "uplink", "button", "set", "unset", "diff", "commit", "save", "discard", "rollback", "help", "exit", "quit" })
        {
            Assert.Contains($"\r\n  {command} ", output);
        }
        Assert.DoesNotContain("<Enter>", output);
        Assert.EndsWith("\r\n" + Prompt, output);
        Assert.Equal("", _d.Editor.Text);
    }

    [Fact]
    public void AfterShowListsWhatCanBeShownWithDescriptions()
    {
        _d.Type("show ");
        var output = _d.Type("?");
        Assert.StartsWith("?\r\n", output);
        Assert.Equal(
            [
                "  status    uplinks: health, advertised state, override, counters",
                "  uplinks   the uplinks, one line each",
                "  config    the running configuration",
                "  counters  RA engine and probe counters, drops by reason",
                "  log       the last lines of the log",
            ],
            Listing(output));
        Assert.EndsWith("\r\n" + Prompt + "show ", output);
        Assert.Equal("show ", _d.Editor.Text);
    }

    [Fact]
    public void AfterAnUplinkNameListsTheOverrides()
    {
        _d.Type("uplink a ");
        var listing = Listing(_d.Type("?"));
        Assert.Equal(["force-down", "force-up", "auto"], listing.Select(FirstWord));
        Assert.Equal("uplink a ", _d.Editor.Text);
    }

    [Fact]
    public void AfterButtonListsThePresses()
    {
        _d.Type("button ");
        Assert.Equal(["short", "hold3", "hold10"], Listing(_d.Type("?")).Select(FirstWord));
    }

    [Fact]
    public void AfterUplinkShowsThePlaceholder()
    {
        _d.Type("uplink ");
        Assert.Equal(["  NAME  the uplink's name"], Listing(_d.Type("?")));
    }

    [Fact]
    public void AWholeCommandOffersEnterBesideItsOptions()
    {
        _d.Type("show status ");
        Assert.Equal(["--json", "<Enter>"], Listing(_d.Type("?")).Select(FirstWord));
    }

    [Fact]
    public void InsideAWordListsOnlyWhatStartsWithIt()
    {
        _d.Type("show co");
        Assert.Equal(["config", "counters"], Listing(_d.Type("?")).Select(FirstWord));
        Assert.Equal("show co", _d.Editor.Text);
    }

    [Fact]
    public void AWordThatFitsNowhereIsNamed()
    {
        _d.Type("show foo ");
        Assert.Equal(["% 'foo' does not fit after 'show'"], Listing(_d.Type("?")));
    }

    [Fact]
    public void AnUnknownCommandIsNamed()
    {
        _d.Type("shwo ");
        Assert.Equal(["% unknown command 'shwo'"], Listing(_d.Type("?")));
    }

    [Fact]
    public void ListingsFitANarrowTerminal()
    {
        var narrow = new EditorDriver(width: 40).Begin();
        narrow.Type("show ");
        var listing = Listing(narrow.Type("?"));
        Assert.All(listing, line => Assert.True(line.Length < 40, line));
        Assert.Contains(listing, line => line.StartsWith("            counters, drops", StringComparison.Ordinal)); // wrapped, in its column
    }

    /// <summary>The rows between the echoed '?' line and the reprinted prompt.</summary>
    internal static List<string> Listing(string output)
    {
        var rows = output.Split("\r\n");
        return [.. rows.Skip(1).Take(rows.Length - 2)];
    }

    private static string FirstWord(string row) => row.Trim().Split(' ')[0];
}
