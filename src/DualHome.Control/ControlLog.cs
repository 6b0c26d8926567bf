using Microsoft.Extensions.Logging;

namespace DualHome.Control;

/// <summary>
/// Every message of the control socket, with stable event ids (400–499). Requests are logged by their
/// command word only: arguments may carry secrets (<c>set</c> of a future TSIG key).
/// </summary>
internal static partial class ControlLog
{
    [LoggerMessage(400, LogLevel.Information, "control: listening on {Path}")]
    public static partial void Listening(ILogger log, string path);

    [LoggerMessage(401, LogLevel.Information, "control: stopped; {Path} removed")]
    public static partial void Stopped(ILogger log, string path);

    [LoggerMessage(402, LogLevel.Information, "control: removed the stale socket {Path} left by an earlier run")]
    public static partial void StaleSocketRemoved(ILogger log, string path);

    [LoggerMessage(403, LogLevel.Information, "control: created the directory {Directory} (mode 0700)")]
    public static partial void DirectoryCreated(ILogger log, string directory);

    [LoggerMessage(404, LogLevel.Debug, "control: client {Client} connected")]
    public static partial void ClientConnected(ILogger log, long client);

    [LoggerMessage(405, LogLevel.Debug, "control: client {Client} disconnected")]
    public static partial void ClientDisconnected(ILogger log, long client);

    [LoggerMessage(406, LogLevel.Debug, "control: client {Client}: {Command} -> {Status}")]
    public static partial void Handled(ILogger log, long client, string command, ControlStatus status);

    [LoggerMessage(407, LogLevel.Warning, "control: client {Client}: malformed request ({Problem})")]
    public static partial void Malformed(ILogger log, long client, string problem);

    [LoggerMessage(408, LogLevel.Warning, "control: client {Client}: request longer than {Limit} bytes; connection closed")]
    public static partial void TooLong(ILogger log, long client, int limit);

    [LoggerMessage(409, LogLevel.Error, "control: client {Client}: '{Command}' failed; answered Refused")]
    public static partial void HandlerFailed(ILogger log, Exception error, long client, string command);

    [LoggerMessage(410, LogLevel.Error, "control: client {Client}: the answer to '{Command}' has {Bytes} bytes, more than {Limit}; answered Refused")]
    public static partial void ResponseTooLarge(ILogger log, long client, string command, int bytes, int limit);

    [LoggerMessage(411, LogLevel.Debug, "control: client {Client}: connection lost")]
    public static partial void ConnectionLost(ILogger log, Exception error, long client);

    [LoggerMessage(412, LogLevel.Error, "control: accepting a connection failed; still listening")]
    public static partial void AcceptFailed(ILogger log, Exception error);

    [LoggerMessage(413, LogLevel.Warning, "control: {Count} connection(s) still busy after {DrainTime}; cancelling them")]
    public static partial void DrainTimedOut(ILogger log, int count, TimeSpan drainTime);

    [LoggerMessage(414, LogLevel.Warning, "control: {Count} handler(s) ignored cancellation; abandoned")]
    public static partial void Abandoned(ILogger log, int count);

    [LoggerMessage(415, LogLevel.Warning, "control: could not remove {Path}")]
    public static partial void RemoveFailed(ILogger log, Exception error, string path);

    [LoggerMessage(416, LogLevel.Error, "control: client {Client}: connection failed unexpectedly")]
    public static partial void SessionFailed(ILogger log, Exception error, long client);
}
