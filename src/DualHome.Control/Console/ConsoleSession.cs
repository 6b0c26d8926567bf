using System.Net.Sockets;
using System.Text;

namespace DualHome.Control.Console;

/// <summary>
/// <c>dualhomed console</c>: reads commands from a terminal and sends each to the daemon through
/// <paramref name="send"/>, printing the answer. On a terminal (<see cref="ITerminal.IsInteractive"/>) it
/// prompts, edits lines with <see cref="LineEditor"/>, greets and shows the daemon's banner (e.g. that the
/// configuration fell back to the backup); on pipes it only runs lines and prints answers. A daemon that
/// cannot be reached is reported per command and the session goes on. Ends at exit, quit, Ctrl-D or end of input.
/// </summary>
public sealed class ConsoleSession
{
    public const string Prompt = "dualhome> ";
    public const string Greeting = "dualhome console: ? or Tab shows what may follow, help lists the commands";

    /// <summary>Asked once at the start; an answer other than Ok (an older daemon's "unknown command") means no banner.</summary>
    public static readonly ControlRequest BannerRequest = new("show", ["banner"]);

    private const int ReadSize = 256;
    private readonly ITerminal _terminal;
    private readonly Func<ControlRequest, Task<ControlResponse>> _send;
    private readonly LineEditor _editor;
    private readonly string _newLine;
    private readonly UplinkNames _uplinks = new();

    public ConsoleSession(ITerminal terminal, Func<ControlRequest, Task<ControlResponse>> send, int width = LineEditor.DefaultWidth)
    {
        (_terminal, _send) = (terminal, send);
        _newLine = terminal.IsInteractive ? LineEditor.NewLine : "\n";
        _editor = new LineEditor(Prompt, new Completer(ValuesOf), new CommandHistory(), width);
    }

    public Task RunAsync(CancellationToken cancel = default) =>
        _terminal.IsInteractive ? RunInteractiveAsync(cancel) : RunPlainAsync(cancel);

    private async Task RunInteractiveAsync(CancellationToken cancel)
    {
        await GreetAsync(cancel).ConfigureAwait(false);
        _editor.BeginLine();
        var buffer = new byte[ReadSize];
        while (true)
        {
            // The echo of a whole read goes out at once (a paste is not echoed byte by byte), before waiting again.
            await FlushEditorAsync(cancel).ConfigureAwait(false);
            var read = await ReadAsync(buffer, cancel).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            for (var i = 0; i < read; i++)
            {
                if (!await FeedAsync(buffer[i], cancel).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        await WriteAsync(_newLine, cancel).ConfigureAwait(false); // hang-up or end of input: leave the cursor on a fresh line
    }

    /// <summary>One byte to the editor; runs the line it completes. False when the session ends.</summary>
    private async Task<bool> FeedAsync(byte b, CancellationToken cancel)
    {
        var e = _editor.Feed(b);
        if (e.Kind == EditorEventKind.None)
        {
            return true;
        }
        await FlushEditorAsync(cancel).ConfigureAwait(false);
        if (e.Kind == EditorEventKind.EndOfInput || !await RunLineAsync(e.Line, cancel).ConfigureAwait(false))
        {
            return false;
        }
        _editor.BeginLine();
        return true;
    }

    private async Task RunPlainAsync(CancellationToken cancel)
    {
        var lines = new PlainLines();
        var buffer = new byte[ReadSize];
        int read;
        while ((read = await ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
        {
            foreach (var line in lines.Feed(buffer.AsSpan(0, read)))
            {
                if (!await RunLineAsync(line, cancel).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        if (lines.Finish() is { } last)
        {
            await RunLineAsync(last, cancel).ConfigureAwait(false);
        }
    }

    private async Task GreetAsync(CancellationToken cancel)
    {
        await WriteAsync(ReplyText.Format(Greeting, _newLine), cancel).ConfigureAwait(false);
        // Null when the daemon is not reachable (already said so).
        if (await TrySendAsync(BannerRequest, cancel).ConfigureAwait(false) is { Status: ControlStatus.Ok, Text.Length: > 0 } banner)
        {
            await WriteAsync(ReplyText.Format(banner.Text, _newLine), cancel).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one typed line. False when it ends the session.</summary>
    private async Task<bool> RunLineAsync(string line, CancellationToken cancel)
    {
        if (CommandWords.Split(line, out var unclosed) is not { } words)
        {
            return await RefuseAsync(unclosed!, cancel).ConfigureAwait(false);
        }
        if (CommandGrammar.Check(words) is { } unknown)
        {
            return await RefuseAsync(unknown, cancel).ConfigureAwait(false);
        }
        if (words.Count == 0 || CommandGrammar.LocalCommands.Contains(words[0]))
        {
            return await RunLocalAsync(words, cancel).ConfigureAwait(false);
        }
        var request = ControlRequest.FromWords(words);
        if (await TrySendAsync(request, cancel).ConfigureAwait(false) is { } response)
        {
            await PrintAsync(request, response, cancel).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>An empty line, help, exit and quit: answered here, so they work with the daemon down.</summary>
    private async Task<bool> RunLocalAsync(IReadOnlyList<string> words, CancellationToken cancel)
    {
        if (words.Count > 0 && words[0] is "exit" or "quit")
        {
            return false;
        }
        if (words.Count > 0)
        {
            var help = string.Join('\n', ConsoleHelp.Lines(_editor.Width));
            await WriteAsync(ReplyText.Format(help, _newLine), cancel).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>A line the console will not send: says why; the session goes on.</summary>
    private async Task<bool> RefuseAsync(string problem, CancellationToken cancel)
    {
        await WriteAsync(ReplyText.Error(problem, _newLine), cancel).ConfigureAwait(false);
        return true;
    }

    /// <summary>The daemon's answer, or null after telling the user it could not be reached.</summary>
    private async Task<ControlResponse?> TrySendAsync(ControlRequest request, CancellationToken cancel)
    {
        try
        {
            var response = await _send(request).ConfigureAwait(false);
            if (_terminal.IsInteractive && !_uplinks.Known)
            {
                await _uplinks.RefreshAsync(_send).ConfigureAwait(false); // first contact, or the daemon came up after the console
            }
            return response;
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException)
        {
            await WriteAsync(ReplyText.Error($"{e.Message} (the next command tries again)", _newLine), cancel).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>As <c>dualhomed ctl</c> prints it: the JSON for <c>--json</c>, the text otherwise; refusals marked.</summary>
    private Task PrintAsync(ControlRequest request, ControlResponse response, CancellationToken cancel)
    {
        if (response.Status != ControlStatus.Ok)
        {
            return WriteAsync(ReplyText.Error(response.Text, _newLine), cancel);
        }
        var text = response.Json is not null && request.HasFlag("--json") ? response.Json : response.Text;
        return text.Length == 0 ? Task.CompletedTask : WriteAsync(ReplyText.Format(text, _newLine), cancel);
    }

    private IReadOnlyList<string> ValuesOf(string placeholder) => placeholder == "NAME" ? _uplinks.Names : [];

    private async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancel)
    {
        try
        {
            return await _terminal.ReadAsync(buffer, cancel).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return 0; // EIO: the terminal hung up (the pty's other side closed)
        }
    }

    private async Task FlushEditorAsync(CancellationToken cancel)
    {
        var bytes = _editor.TakeOutput();
        if (bytes.Length > 0)
        {
            await _terminal.WriteAsync(bytes, cancel).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(string text, CancellationToken cancel) =>
        await _terminal.WriteAsync(Encoding.UTF8.GetBytes(text), cancel).ConfigureAwait(false);
}
