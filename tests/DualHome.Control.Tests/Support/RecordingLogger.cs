using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DualHome.Control.Tests.Support;

/// <summary>Keeps every log entry, so tests can check that a failure was logged with its event id.</summary>
internal sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message, Exception? Error)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, eventId, formatter(state, exception), exception));

    public bool Has(int eventId) => Entries.Any(e => e.Id.Id == eventId);
}
