using System.Net.Sockets;
using System.Text;

namespace DualHome.Control.Tests.Support;

/// <summary>A client that writes arbitrary bytes, to test what the server does with bad input.</summary>
internal sealed class RawClient : IAsyncDisposable
{
    private readonly NetworkStream _stream;
    private readonly LineReader _reader;

    private RawClient(Socket socket)
    {
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new LineReader(_stream, ControlFraming.MaxResponseBytes);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<RawClient> ConnectAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), Cancel);
        return new RawClient(socket);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes, Cancel);

    /// <summary>The next response, or null when the server closed the connection.</summary>
    public async Task<ControlResponse?> ReceiveAsync()
    {
        var read = await _reader.ReadLineAsync(Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        if (read.Kind == LineReadKind.EndOfStream)
        {
            return null;
        }
        Assert.Equal(LineReadKind.Line, read.Kind);
        var response = ControlFraming.DecodeResponse(read.Line.Span, out var problem);
        Assert.True(response is not null, problem);
        return response;
    }

    /// <summary>Like <see cref="ReceiveAsync"/>, but a connection reset (the server closed with our bytes unread) counts as closed.</summary>
    public async Task<ControlResponse?> ReceiveOrResetAsync()
    {
        try
        {
            return await ReceiveAsync();
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return null;
        }
    }

    /// <summary>shutdown(SHUT_WR): the server sees the end of the stream, the answer can still come back.</summary>
    public void ShutdownSend() => _stream.Socket.Shutdown(SocketShutdown.Send);

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
