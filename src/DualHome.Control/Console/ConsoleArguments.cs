namespace DualHome.Control.Console;

/// <summary>
/// The parsed command line of <c>dualhomed console [--socket PATH | --config FILE] [--tty DEV]</c>: the
/// options of <c>ctl</c> and the serial device to run on; no command words. At most one of Help, Error is set.
/// </summary>
public sealed record ConsoleArguments(string? Socket, string? Config, string? Tty, bool Help, string? Error)
{
    public const string UsageLine = "usage: dualhomed console [--socket PATH | --config FILE] [--tty DEV]";

    public static ConsoleArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = Split(args[i]);
            if (name is "-h" or "--help" && value is null)
            {
                return new(null, null, null, Help: true, null);
            }
            if (name is not ("--socket" or "--config" or "--tty"))
            {
                return Failed($"unexpected argument {args[i]}");
            }
            value ??= i + 1 < args.Count ? args[++i] : null;
            if (string.IsNullOrEmpty(value) || !values.TryAdd(name, value))
            {
                return Failed(string.IsNullOrEmpty(value) ? $"{name} needs a value" : $"{name} given twice");
            }
        }
        return values.ContainsKey("--socket") && values.ContainsKey("--config")
            ? Failed("use either --socket or --config, not both")
            : new(values.GetValueOrDefault("--socket"), values.GetValueOrDefault("--config"), values.GetValueOrDefault("--tty"), Help: false, null);
    }

    private static ConsoleArguments Failed(string error) => new(null, null, null, Help: false, error);

    /// <summary>"--tty=/dev/ttyS2" → ("--tty", "/dev/ttyS2"); "--tty" → ("--tty", null).</summary>
    private static (string Name, string? Value) Split(string arg)
    {
        var eq = arg.IndexOf('=');
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 2 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }
}
