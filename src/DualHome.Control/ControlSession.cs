using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace DualHome.Control;

/// <summary>
/// One client connection: read a request line, answer it, repeat until the client closes, sends garbage
/// that cannot be resynchronised (an over-long line), or the server stops. Nothing escapes it.
/// </summary>
internal sealed class ControlSession(long id, Socket socket, IControlHandler handler, ILogger log)
{
    public long Id => id;

    /// <summary>The running session; set by the server right after it starts it.</summary>
    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>Closes the connection under a session whose drain time has run out.</summary>
    public void Abort() => socket.Dispose();

    /// <param name="stopping">Ends the wait for the next request (idle clients do not delay a stop).</param>
    /// <param name="abort">Cancels a request still being handled once the drain time is over.</param>
    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        ControlLog.ClientConnected(log, id);
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            await ServeAsync(stream, stopping, abort).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The server is stopping.
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            ControlLog.ConnectionLost(log, e, id);
        }
        catch (Exception e)
        {
            ControlLog.SessionFailed(log, e, id);
        }
        finally
        {
            ControlLog.ClientDisconnected(log, id);
        }
    }

    private async Task ServeAsync(NetworkStream stream, CancellationToken stopping, CancellationToken abort)
    {
        var reader = new LineReader(stream, ControlFraming.MaxRequestBytes);
        while (!stopping.IsCancellationRequested)
        {
            var read = await reader.ReadLineAsync(stopping).ConfigureAwait(false);
            if (read.Kind == LineReadKind.EndOfStream)
            {
                return;
            }
            if (read.Kind == LineReadKind.TooLong)
            {
                ControlLog.TooLong(log, id, ControlFraming.MaxRequestBytes);
                var tooLong = ControlResponse.Usage($"request too long (more than {ControlFraming.MaxRequestBytes} bytes in one line)");
                await stream.WriteAsync(ControlFraming.EncodeResponse(tooLong), abort).ConfigureAwait(false);
                return;
            }
            var answer = await AnswerAsync(read.Line, abort).ConfigureAwait(false);
            await stream.WriteAsync(answer, abort).ConfigureAwait(false);
        }
    }

    /// <summary>The encoded response line for one request line.</summary>
    private async Task<byte[]> AnswerAsync(ReadOnlyMemory<byte> line, CancellationToken abort)
    {
        var request = ControlFraming.DecodeRequest(line.Span, out var problem);
        if (request is null)
        {
            ControlLog.Malformed(log, id, problem);
            return ControlFraming.EncodeResponse(ControlResponse.Usage($"malformed request: {problem}"));
        }
        var response = await HandleAsync(request, abort).ConfigureAwait(false);
        ControlLog.Handled(log, id, request.Command, response.Status);
        var encoded = ControlFraming.EncodeResponse(response);
        if (encoded.Length - 1 <= ControlFraming.MaxResponseBytes)
        {
            return encoded;
        }
        ControlLog.ResponseTooLarge(log, id, request.Command, encoded.Length - 1, ControlFraming.MaxResponseBytes);
        return ControlFraming.EncodeResponse(ControlResponse.Refused(
            $"the answer to '{request.Command}' is larger than {ControlFraming.MaxResponseBytes} bytes"));
    }

    private async Task<ControlResponse> HandleAsync(ControlRequest request, CancellationToken abort)
    {
        try
        {
            return await handler.HandleAsync(request, abort).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"no answer to '{request.Command}'");
        }
        catch (Exception e) when (e is not OperationCanceledException || !abort.IsCancellationRequested)
        {
            ControlLog.HandlerFailed(log, e, id, request.Command);
            return ControlResponse.Refused(e.Message);
        }
    }
}
