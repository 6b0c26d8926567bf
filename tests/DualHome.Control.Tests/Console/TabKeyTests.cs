namespace DualHome.Control.Tests.Console;

/// <summary>Tab: the only candidate completes (with a space), several extend to their common prefix, then list.</summary>
public class TabKeyTests
{
    private readonly EditorDriver _d = new EditorDriver(p => p == "NAME" ? ["isp-a", "isp-b", "lte"] : []).Begin();

    [Theory]
    [InlineData("sh", "ow ")]
    [InlineData("show st", "atus ")]
    [InlineData("button h", "old")]
    [InlineData("uplink l", "te ")]
    [InlineData("uplink lte f", "orce-")]
    [InlineData("show status --", "json ")]
    [InlineData("show", " ")]
    public void CompletesWhatIsUnique(string typed, string added)
    {
        _d.Type(typed);
        Assert.Equal(added, _d.Type("\t"));
        Assert.Equal(typed + added, _d.Editor.Text);
    }

    [Fact]
    public void AmbiguousWithoutCommonPrefixListsTheCandidates()
    {
        _d.Type("u");
        var output = _d.Type("\t");
        Assert.Equal(["uplink", "unset"], Rows(output).Select(r => r.Trim().Split(' ')[0]));
        Assert.EndsWith("dualhome> u", output);
        Assert.Equal("u", _d.Editor.Text);
    }

    [Fact]
    public void AmbiguousExtendsFirstThenLists()
    {
        _d.Type("show c");
        Assert.Equal("o", _d.Type("\t"));
        Assert.Equal(["config", "counters"], Rows(_d.Type("\t")).Select(r => r.Trim().Split(' ')[0]));
    }

    [Fact]
    public void KnownUplinkNamesAreListedWithThePlaceholder()
    {
        _d.Type("uplink ");
        Assert.Equal(["isp-a", "isp-b", "lte", "NAME"], Rows(_d.Type("\t")).Select(r => r.Trim().Split(' ')[0]));
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("set ")]
    [InlineData("show foo ")]
    [InlineData("set KEY \"a b")]
    public void NothingToCompleteRingsTheBell(string typed)
    {
        _d.Type(typed);
        Assert.Equal("\a", _d.Type("\t"));
        Assert.Equal(typed, _d.Editor.Text);
    }

    private static List<string> Rows(string output) => HelpKeyTests.Listing("?" + output);
}
