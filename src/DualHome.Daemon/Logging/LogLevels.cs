using Serilog.Core;
using Serilog.Events;

namespace DualHome.Daemon.Logging;

/// <summary>The log level, changeable while the daemon runs (a committed Log.Level applies live).</summary>
public sealed class LogLevels(string initial)
{
    public LoggingLevelSwitch Switch { get; } = new(Parse(initial));

    public void Set(string level) => Switch.MinimumLevel = Parse(level);

    public static LogEventLevel Parse(string level) => level.ToLowerInvariant() switch
    {
        "trace" => LogEventLevel.Verbose,
        "debug" => LogEventLevel.Debug,
        "warning" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        _ => LogEventLevel.Information,
    };
}
