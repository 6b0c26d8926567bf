using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace DualHome.Control;

/// <summary>
/// The daemon's control socket: a Unix stream socket at <see cref="SocketPath"/>, mode 0600, one task per
/// client, requests framed by <see cref="ControlFraming"/> and answered by an <see cref="IControlHandler"/>.
/// Start once; StopAsync (or DisposeAsync) closes the listener, removes the socket file, lets requests in
/// progress finish for up to <see cref="DrainTime"/>, then cancels them.
/// </summary>
public sealed class ControlServer(string socketPath, IControlHandler handler, ILogger log) : IAsyncDisposable
{
    private const int Backlog = 64;
    private static readonly TimeSpan AcceptRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan AbortGrace = TimeSpan.FromSeconds(1);

    // Never disposed: an abandoned handler may still hold their tokens.
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<long, ControlSession> _sessions = new();
    private readonly Lock _gate = new();
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private Task? _stop;
    private long _lastId;

    public string SocketPath { get; } = Path.GetFullPath(socketPath);

    /// <summary>How long StopAsync waits for requests in progress before cancelling them.</summary>
    public TimeSpan DrainTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Binds and starts accepting.</summary>
    /// <exception cref="ControlSocketException">The path holds something other than a stale socket, or bind failed.</exception>
    public void Start()
    {
        lock (_gate)
        {
            if (_listener is not null || _stop is not null)
            {
                throw new InvalidOperationException("the control server was already started");
            }
            ControlSocketFile.Prepare(SocketPath, log);
            var listener = Listen(SocketPath);
            _listener = listener;
            ControlLog.Listening(log, SocketPath);
            _acceptLoop = Task.Run(() => AcceptLoopAsync(listener));
        }
    }

    public Task StopAsync()
    {
        lock (_gate)
        {
            return _stop ??= StopCoreAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private Socket Listen(string path)
    {
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            ControlSocketFile.Restrict(path);
            listener.Listen(Backlog);
            return listener;
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            // ArgumentException: a path longer than sun_path (108 bytes) has no UnixDomainSocketEndPoint.
            listener.Dispose();
            ControlSocketFile.Remove(path, log);
            throw new ControlSocketException($"cannot listen on {path}: {e.Message}", e);
        }
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (true)
        {
            try
            {
                StartSession(await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false));
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                // EMFILE and the like: keep listening, but do not spin.
                ControlLog.AcceptFailed(log, e);
                await Task.Delay(AcceptRetry, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private void StartSession(Socket client)
    {
        var session = new ControlSession(Interlocked.Increment(ref _lastId), client, handler, log);
        _sessions[session.Id] = session;
        session.Completion = Task.Run(async () =>
        {
            try
            {
                await session.RunAsync(_stopping.Token, _abort.Token).ConfigureAwait(false);
            }
            finally
            {
                _sessions.TryRemove(session.Id, out _);
            }
        });
    }

    private async Task StopCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_listener is null)
        {
            return;
        }
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        ControlSocketFile.Remove(SocketPath, log);
        await DrainAsync([.. _sessions.Values]).ConfigureAwait(false);
        ControlLog.Stopped(log, SocketPath);
    }

    private async Task DrainAsync(ControlSession[] sessions)
    {
        var all = Task.WhenAll(sessions.Select(s => s.Completion));
        if (await Within(all, DrainTime).ConfigureAwait(false))
        {
            return;
        }
        ControlLog.DrainTimedOut(log, sessions.Count(s => !s.Completion.IsCompleted), DrainTime);
        await _abort.CancelAsync().ConfigureAwait(false);
        foreach (var session in sessions)
        {
            session.Abort();
        }
        if (!await Within(all, AbortGrace).ConfigureAwait(false))
        {
            ControlLog.Abandoned(log, sessions.Count(s => !s.Completion.IsCompleted));
        }
    }

    private static async Task<bool> Within(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
