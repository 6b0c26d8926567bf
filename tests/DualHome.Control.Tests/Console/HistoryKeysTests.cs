namespace DualHome.Control.Tests.Console;

/// <summary>Ctrl-P/Ctrl-N and the arrow keys in the editor: recalled lines are redrawn with backspaces only.</summary>
public class HistoryKeysTests
{
    private const string Erase = "\b \b";
    private readonly EditorDriver _d = new EditorDriver().Begin();

    public HistoryKeysTests()
    {
        _d.Enter("show status");
        _d.Enter("show uplinks");
    }

    [Theory]
    [InlineData("\x10")] // Ctrl-P
    [InlineData("\x1b[A")] // up arrow
    [InlineData("\x1bOA")] // up arrow, application cursor mode
    public void OlderRecallsTheLastLine(string older)
    {
        Assert.Equal("show uplinks", _d.Type(older));
        Assert.Equal("show uplinks", _d.Editor.Text);
    }

    [Fact]
    public void RecallingAgainBackspacesOnlyOverWhatDiffers()
    {
        _d.Type("\x10");
        Assert.Equal(string.Concat(Enumerable.Repeat(Erase, "uplinks".Length)) + "status", _d.Type("\x10"));
        Assert.Equal("show status", _d.Editor.Text);
    }

    [Fact]
    public void PastTheOldestRingsTheBell()
    {
        _d.Type("\x10\x10");
        Assert.Equal("\a", _d.Type("\x10"));
        Assert.Equal("show status", _d.Editor.Text);
    }

    [Theory]
    [InlineData("\x0e")] // Ctrl-N
    [InlineData("\x1b[B")] // down arrow
    public void NewerComesBackToTheDraft(string newer)
    {
        _d.Type("sh");
        _d.Type("\x10\x10");
        _d.Type(newer);
        Assert.Equal("show uplinks", _d.Editor.Text);
        _d.Type(newer);
        Assert.Equal("sh", _d.Editor.Text);
        Assert.Equal("\a", _d.Type(newer));
    }

    [Fact]
    public void ARecalledLineCanBeEditedAndEntered()
    {
        _d.Type("\x10\x7f\x7f\x7f\x7f\x7f\x7f\x7f" + "counters\r");
        Assert.Equal(["show status", "show uplinks", "show counters"], _d.Lines);
    }

    [Fact]
    public void CtrlCEndsBrowsing()
    {
        _d.Type("\x10\x10\x03");
        Assert.Equal("show uplinks", _d.Type("\x10"));
    }
}
