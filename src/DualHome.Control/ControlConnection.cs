using System.Net.Sockets;

namespace DualHome.Control;

/// <summary>
/// A client connection to the control socket, for several requests in turn (the console keeps one open;
/// <see cref="ControlClient"/> sends one). Not for concurrent use. After a timeout the connection is
/// closed: a late answer would be taken for the next one.
/// </summary>
public sealed class ControlConnection : IAsyncDisposable
{
    private static readonly TimeSpan BusyRetry = TimeSpan.FromMilliseconds(10);
    private readonly NetworkStream _stream;
    private readonly LineReader _reader;
    private bool _broken;

    private ControlConnection(Socket socket)
    {
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new LineReader(_stream, ControlFraming.MaxResponseBytes);
    }

    /// <exception cref="ControlClientException">Not running, permission denied, or no connection within the timeout.</exception>
    public static async Task<ControlConnection> ConnectAsync(string socketPath, TimeSpan timeout, CancellationToken cancel = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        try
        {
            return new ControlConnection(await ConnectSocketAsync(new UnixDomainSocketEndPoint(socketPath), limit.Token).ConfigureAwait(false));
        }
        catch (SocketException e)
        {
            throw ControlClientException.ConnectFailed(socketPath, e);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ControlClientException(ControlClientError.InvalidPath, $"{socketPath} is too long for a Unix socket", e);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw ControlClientException.Timeout(timeout);
        }
    }

    /// <summary>
    /// connect(2) on a Unix socket whose accept backlog is full fails at once with EAGAIN (the socket is
    /// non-blocking): that is a busy daemon, not a dead one, so try again until the timeout.
    /// </summary>
    private static async Task<Socket> ConnectSocketAsync(UnixDomainSocketEndPoint endPoint, CancellationToken cancel)
    {
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(endPoint, cancel).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock)
            {
                socket.Dispose();
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            await Task.Delay(BusyRetry, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>Sends one request and waits for its answer.</summary>
    /// <exception cref="ControlClientException">Timeout, lost connection, unreadable answer, or a request too long to send.</exception>
    public async Task<ControlResponse> SendAsync(ControlRequest request, TimeSpan timeout, CancellationToken cancel = default)
    {
        ObjectDisposedException.ThrowIf(_broken, this);
        var line = ControlFraming.EncodeRequest(request);
        if (line.Length - 1 > ControlFraming.MaxRequestBytes)
        {
            throw new ControlClientException(ControlClientError.Protocol,
                $"request too long ({line.Length - 1} bytes, at most {ControlFraming.MaxRequestBytes})");
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        try
        {
            await _stream.WriteAsync(line, limit.Token).ConfigureAwait(false);
            return Decode(await _reader.ReadLineAsync(limit.Token).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            await BreakAsync().ConfigureAwait(false);
            throw e switch
            {
                OperationCanceledException when !cancel.IsCancellationRequested => ControlClientException.Timeout(timeout),
                IOException or SocketException => ControlClientException.Lost(e),
                _ => e,
            };
        }
    }

    public ValueTask DisposeAsync() => BreakAsync();

    private ValueTask BreakAsync()
    {
        _broken = true;
        return _stream.DisposeAsync();
    }

    private static ControlResponse Decode(LineRead read) => read.Kind switch
    {
        LineReadKind.EndOfStream => throw ControlClientException.Lost(),
        LineReadKind.TooLong => throw new ControlClientException(ControlClientError.Protocol,
            $"the answer from dualhomed is longer than {ControlFraming.MaxResponseBytes} bytes"),
        _ => ControlFraming.DecodeResponse(read.Line.Span, out var problem)
            ?? throw new ControlClientException(ControlClientError.Protocol, $"unreadable answer from dualhomed: {problem}"),
    };
}
