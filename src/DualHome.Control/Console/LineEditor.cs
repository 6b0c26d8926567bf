using System.Buffers;
using System.Text;

namespace DualHome.Control.Console;

/// <summary>
/// The console's line editing, as a state machine fed the bytes of a terminal in non-canonical, no-echo
/// mode: it echoes what it accepts into <see cref="TakeOutput"/> and reports finished lines. It assumes a
/// dumb terminal: it never sends an escape sequence, only printable ASCII, CR LF, BS and BEL. A changed line
/// is redrawn by backspacing over the old text and printing the new; when the line is as wide as the
/// terminal (where a backspace cannot go back up a row) it is printed again on a new line instead.
/// The cursor stays at the end of the line.
/// </summary>
public sealed class LineEditor(string prompt, Completer completer, CommandHistory history, int width = LineEditor.DefaultWidth)
{
    public const int DefaultWidth = 80;
    public const int MaxLineLength = 512;
    internal const string NewLine = "\r\n";
    private const string EraseOne = "\b \b";
    private const string Bell = "\a";
    private readonly KeyDecoder _keys = new();
    private readonly StringBuilder _line = new();
    private readonly ArrayBufferWriter<byte> _output = new();

    public string Prompt { get; } = prompt;

    public int Width { get; } = width;

    public CommandHistory History { get; } = history;

    /// <summary>The line typed so far.</summary>
    public string Text => _line.ToString();

    /// <summary>Starts a new, empty line: prints the prompt.</summary>
    public void BeginLine()
    {
        _line.Clear();
        History.EndBrowsing();
        Write(Prompt);
    }

    public EditorEvent Feed(byte input)
    {
        var key = _keys.Feed(input);
        switch (key.Kind)
        {
            case KeyKind.Enter:
                return Enter();
            case KeyKind.EndOfInput when _line.Length == 0:
                Write(NewLine);
                return EditorEvent.EndOfInput;
            default:
                Edit(key);
                return EditorEvent.None;
        }
    }

    /// <summary>The bytes to send to the terminal since the last call.</summary>
    public byte[] TakeOutput()
    {
        var bytes = _output.WrittenSpan.ToArray();
        _output.ResetWrittenCount();
        return bytes;
    }

    private EditorEvent Enter()
    {
        Write(NewLine);
        var line = Text;
        History.Add(line);
        _line.Clear();
        return new EditorEvent(EditorEventKind.Line, line);
    }

    private void Edit(Key key)
    {
        switch (key.Kind)
        {
            case KeyKind.Char when key.Char == '?':
                Write("?");
                ShowHelp(completer.Help(Text));
                break;
            case KeyKind.Char:
                Insert(key.Char.ToString());
                break;
            case KeyKind.Complete:
                Complete();
                break;
            case KeyKind.Erase when _line.Length > 0:
                Replace(Text[..^1]);
                break;
            case KeyKind.EraseWord:
                Replace(WithoutLastWord(Text));
                break;
            case KeyKind.KillLine:
                Replace("");
                break;
            case KeyKind.Interrupt:
                Write("^C" + NewLine);
                BeginLine();
                break;
            case KeyKind.Older:
                Recall(History.Older(Text));
                break;
            case KeyKind.Newer:
                Recall(History.Newer());
                break;
            case KeyKind.Redraw:
                Write(NewLine + Prompt + Text);
                break;
        }
    }

    private void Insert(string text)
    {
        if (_line.Length + text.Length > MaxLineLength)
        {
            Write(Bell);
            return;
        }
        _line.Append(text);
        Write(text);
    }

    private void Complete()
    {
        var completion = completer.Complete(Text);
        switch (completion.Kind)
        {
            case CompletionKind.Append:
                Insert(completion.Text);
                break;
            case CompletionKind.List:
                ShowHelp(completion.Listing!);
                break;
            default:
                Write(Bell);
                break;
        }
    }

    /// <summary>The listing on the lines below, then the prompt and the line again, as they were.</summary>
    private void ShowHelp(HelpResult help)
    {
        var lines = help.Problem is null ? HelpListing.Format(help.Entries, Width) : [$"% {help.Problem}"];
        Write(NewLine + string.Join(NewLine, lines) + NewLine + Prompt + Text);
    }

    private void Recall(string? entry)
    {
        if (entry is null)
        {
            Write(Bell);
            return;
        }
        Replace(entry);
    }

    /// <summary>Shows <paramref name="text"/> in place of the line: backspaces over what differs, or a fresh row when the line is too wide for that.</summary>
    private void Replace(string text)
    {
        var old = Text;
        if (Prompt.Length + old.Length < Width)
        {
            var keep = CommonPrefixLength(old, text);
            Write(string.Concat(Enumerable.Repeat(EraseOne, old.Length - keep)) + text[keep..]);
        }
        else
        {
            Write(NewLine + Prompt + text);
        }
        _line.Clear().Append(text);
    }

    private static string WithoutLastWord(string text)
    {
        var end = text.TrimEnd(' ').Length;
        return end == 0 ? "" : text[..(text.LastIndexOf(' ', end - 1) + 1)];
    }

    private static int CommonPrefixLength(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }
        return n;
    }

    private void Write(string text) => Encoding.UTF8.GetBytes(text, _output);
}
