namespace DualHome.Control;

/// <summary>
/// <c>dualhomed ctl [--socket PATH | --config FILE] &lt;command…&gt;</c>: sends one command to the running daemon
/// and prints its answer. Exit code: the answer's <see cref="ControlStatus"/> (0 ok, 1 refused, 2 usage);
/// 1 when the daemon cannot be reached (not running, permission denied, no answer in time).
/// The answer goes to stdout when Ok (its JSON instead of its text when the command has <c>--json</c>),
/// to stderr otherwise.
/// </summary>
public static class CtlCommand
{
    public const string UsageLine = "usage: dualhomed ctl [--socket PATH | --config FILE] <command> [args...]";

    /// <summary>Covers connecting and the answer; commit may apply a whole configuration.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <param name="defaultSocket">The socket used without --socket and --config (that of the default config).</param>
    /// <param name="socketFromConfig">Control.Socket of a config file, or null after reporting why it could not be read.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, string defaultSocket,
        Func<string, string?> socketFromConfig, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CtlArguments.Parse(args);
        if (parsed.Help)
        {
            await stdout.WriteLineAsync(UsageLine).ConfigureAwait(false);
            return (int)ControlStatus.Ok;
        }
        if (parsed.Request is null)
        {
            await stderr.WriteLineAsync($"dualhomed ctl: {parsed.Error}\n{UsageLine}").ConfigureAwait(false);
            return (int)ControlStatus.Usage;
        }
        var socket = parsed.Socket ?? (parsed.Config is null ? defaultSocket : socketFromConfig(parsed.Config));
        if (socket is null)
        {
            await stderr.WriteLineAsync($"dualhomed ctl: no control socket from the config file {parsed.Config}").ConfigureAwait(false);
            return (int)ControlStatus.Usage;
        }
        return await SendAsync(socket, parsed.Request, stdout, stderr).ConfigureAwait(false);
    }

    private static async Task<int> SendAsync(string socket, ControlRequest request, TextWriter stdout, TextWriter stderr)
    {
        ControlResponse response;
        try
        {
            response = await ControlClient.SendAsync(socket, request, Timeout).ConfigureAwait(false);
        }
        catch (ControlClientException e)
        {
            await stderr.WriteLineAsync($"dualhomed ctl: {e.Message}").ConfigureAwait(false);
            return (int)ControlStatus.Refused;
        }
        var ok = response.Status == ControlStatus.Ok;
        var text = ok && response.Json is not null && request.HasFlag("--json") ? response.Json : response.Text;
        await WriteAsync(ok ? stdout : stderr, text).ConfigureAwait(false);
        return (int)response.Status;
    }

    private static async Task WriteAsync(TextWriter writer, string text)
    {
        if (text.Length > 0)
        {
            await writer.WriteAsync(text.EndsWith('\n') ? text : text + "\n").ConfigureAwait(false);
        }
    }
}
