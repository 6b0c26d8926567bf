using DualHome.Control.Console;

namespace DualHome.Control.Tests.Console;

public class LineEditorTests
{
    private const string Prompt = "dualhome> ";
    private const string Erase = "\b \b";
    private readonly EditorDriver _d = new EditorDriver().Begin();

    [Fact]
    public void BeginLinePrintsThePrompt()
    {
        var editor = new LineEditor(Prompt, new Completer(), new CommandHistory());
        editor.BeginLine();
        Assert.Equal(Prompt, System.Text.Encoding.ASCII.GetString(editor.TakeOutput()));
    }

    [Fact]
    public void PrintableCharactersAreEchoed()
    {
        Assert.Equal("show", _d.Type("show"));
        Assert.Equal("show", _d.Editor.Text);
    }

    [Theory]
    [InlineData("\x7f")] // DEL, what most terminals send
    [InlineData("\b")] // Ctrl-H, what some serial terminals send
    public void BackspaceErasesWithBackspaceSpaceBackspace(string backspace)
    {
        _d.Type("shw");
        Assert.Equal(Erase, _d.Type(backspace));
        Assert.Equal("sh", _d.Editor.Text);
    }

    [Fact]
    public void BackspaceOnAnEmptyLineDoesNothing()
    {
        Assert.Equal("", _d.Type("\x7f"));
        Assert.Equal("", _d.Editor.Text);
    }

    [Fact]
    public void CtrlUKillsTheLine()
    {
        _d.Type("show st");
        Assert.Equal(string.Concat(Enumerable.Repeat(Erase, 7)), _d.Type("\x15"));
        Assert.Equal("", _d.Editor.Text);
    }

    [Fact]
    public void CtrlWErasesTheLastWord()
    {
        _d.Type("show sta");
        Assert.Equal(Erase + Erase + Erase, _d.Type("\x17"));
        Assert.Equal("show ", _d.Editor.Text);
        _d.Type("\x17");
        Assert.Equal("", _d.Editor.Text);
    }

    [Fact]
    public void CtrlCAbandonsTheLineAndPromptsAgain()
    {
        _d.Type("uplink a force");
        Assert.Equal("^C\r\n" + Prompt, _d.Type("\x03"));
        Assert.Equal("", _d.Editor.Text);
        Assert.Empty(_d.Lines);
    }

    [Fact]
    public void CtrlDOnAnEmptyLineEndsInput()
    {
        Assert.Equal("\r\n", _d.Type("\x04"));
        Assert.True(_d.Ended);
    }

    [Fact]
    public void CtrlDOnAFilledLineIsIgnored()
    {
        _d.Type("show");
        Assert.Equal("", _d.Type("\x04"));
        Assert.False(_d.Ended);
        Assert.Equal("show", _d.Editor.Text);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void EnterCompletesTheLineOnce(string enter)
    {
        _d.Type("show status");
        Assert.Equal("\r\n", _d.Type(enter));
        Assert.Equal(["show status"], _d.Lines);
    }

    [Fact]
    public void CrLfBetweenLinesCountsOnce()
    {
        _d.Type("a\r\nb\r\n\r\n");
        Assert.Equal(["a", "b", ""], _d.Lines);
    }

    [Fact]
    public void TwoCrsAreTwoLines()
    {
        _d.Type("\r\r");
        Assert.Equal(["", ""], _d.Lines);
    }

    [Fact]
    public void NonAsciiAndOtherControlBytesAreIgnored()
    {
        Assert.Equal("ab", _d.Type("a\u00e9\x01\x1c" + "b"));
        Assert.Equal("ab", _d.Editor.Text);
    }

    [Theory]
    [InlineData("\x1b[C")] // right arrow
    [InlineData("\x1b[1;5D")] // Ctrl-left, with parameters
    [InlineData("\x1bOH")] // Home in application mode
    [InlineData("\x1b[3~")] // Delete
    public void OtherEscapeSequencesAreSwallowedWhole(string sequence)
    {
        _d.Type("show");
        Assert.Equal("", _d.Type(sequence));
        Assert.Equal("show", _d.Editor.Text);
    }

    [Fact]
    public void ALoneEscapeDoesNotEatTheNextKey()
    {
        Assert.Equal("x", _d.Type("\x1bx"));
    }

    [Fact]
    public void ALineLongerThanTheLimitRingsTheBell()
    {
        _d.Type(new string('x', LineEditor.MaxLineLength));
        Assert.Equal("\a", _d.Type("y"));
        Assert.Equal(LineEditor.MaxLineLength, _d.Editor.Text.Length);
    }

    [Fact]
    public void AnErasedWideLineIsPrintedAgainOnANewRow()
    {
        var wide = new string('x', LineEditor.DefaultWidth - Prompt.Length); // prompt + line fill the row
        _d.Type(wide);
        Assert.Equal("\r\n" + Prompt + wide[..^1], _d.Type("\x7f"));
    }

    [Fact]
    public void CtrlLRedrawsTheLine()
    {
        _d.Type("show");
        Assert.Equal("\r\n" + Prompt + "show", _d.Type("\x0c"));
    }
}
