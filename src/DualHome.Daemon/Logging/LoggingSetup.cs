using DualHome.Config;
using Microsoft.Extensions.Logging;
using Serilog;

namespace DualHome.Daemon.Logging;

/// <summary>Serilog behind Microsoft.Extensions.Logging: a size-capped rolling file (flash is small: at most
/// MaxFiles × MaxFileBytes on disk) and stderr for the foreground/supervisor.</summary>
public static class LoggingSetup
{
    private const string Template = "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} {Level:u3} {Message:lj}{NewLine}{Exception}";

    public static ILoggerFactory Create(LogConfig config, TextWriter stderr, LogLevels? levels = null)
    {
        levels ??= new LogLevels(config.Level);
        var serilog = new LoggerConfiguration().MinimumLevel.ControlledBy(levels.Switch).WriteTo.Sink(new TextWriterSink(stderr));
        if (TryPrepareDirectory(config.Path, stderr))
            serilog = serilog.WriteTo.File(config.Path, outputTemplate: Template,
                fileSizeLimitBytes: config.MaxFileBytes, rollOnFileSizeLimit: true,
                retainedFileCountLimit: config.MaxFiles);
        var logger = serilog.CreateLogger();
        return LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddSerilog(logger, dispose: true));
    }

    /// <summary>An empty path means stderr only (host mode: the host's service manager keeps stderr).</summary>
    private static bool TryPrepareDirectory(string path, TextWriter stderr)
    {
        if (string.IsNullOrEmpty(path)) return false;
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The router must run even when its log directory is unusable (read-only flash): stderr only.
            stderr.WriteLine($"dualhomed: cannot use log file {path} ({e.Message}); logging to stderr only");
            return false;
        }
    }
}
