namespace DualHome.Control;

/// <summary>
/// The parsed command line of <c>dualhomed ctl</c>: options first, then the command words, which are passed
/// on untouched (so <c>show status --json</c> keeps its <c>--json</c>). Exactly one of Request, Help, Error is set.
/// </summary>
internal sealed record CtlArguments(string? Socket, string? Config, ControlRequest? Request, bool Help, string? Error)
{
    public static CtlArguments Parse(IReadOnlyList<string> args)
    {
        string? socket = null, config = null;
        var i = 0;
        while (i < args.Count && args[i].StartsWith('-'))
        {
            var (name, inlineValue) = Split(args[i++]);
            if (name == "--")
            {
                break;
            }
            if (name is "-h" or "--help" && inlineValue is null)
            {
                return new(null, null, null, Help: true, null);
            }
            if (name is not ("--socket" or "--config"))
            {
                return Failed($"unknown option {args[i - 1]}");
            }
            var value = inlineValue ?? (i < args.Count ? args[i++] : null);
            if (string.IsNullOrEmpty(value))
            {
                return Failed($"{name} needs a value");
            }
            if ((name == "--socket" ? socket : config) is not null)
            {
                return Failed($"{name} given twice");
            }
            (socket, config) = name == "--socket" ? (value, config) : (socket, value);
        }
        if (socket is not null && config is not null)
        {
            return Failed("use either --socket or --config, not both");
        }
        return i < args.Count
            ? new(socket, config, ControlRequest.FromWords([.. args.Skip(i)]), Help: false, null)
            : Failed("no command given");
    }

    private static CtlArguments Failed(string error) => new(null, null, null, Help: false, error);

    /// <summary>"--socket=/run/x.sock" → ("--socket", "/run/x.sock"); "--socket" → ("--socket", null).</summary>
    private static (string Name, string? Value) Split(string arg)
    {
        var eq = arg.IndexOf('=');
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 2 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }
}
