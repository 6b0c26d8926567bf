using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace DualHome.Daemon.Logging;

/// <summary>One plain line per event on stderr (a supervisor or the serial console reads it); no colours.</summary>
internal sealed class TextWriterSink(TextWriter writer) : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Format =
        new("{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}");
    private readonly Lock _gate = new();

    public void Emit(LogEvent e)
    {
        lock (_gate)
        {
            Format.Format(e, writer);
            writer.Flush();
        }
    }
}
