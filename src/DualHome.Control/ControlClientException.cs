using System.Globalization;
using System.Net.Sockets;

namespace DualHome.Control;

/// <summary>A control request that got no answer; the message is meant for the user as it is.</summary>
public sealed class ControlClientException(ControlClientError error, string message, Exception? inner = null)
    : IOException(message, inner)
{
    public ControlClientError Error { get; } = error;

    internal static ControlClientException Timeout(TimeSpan timeout) =>
        new(ControlClientError.Timeout, $"no answer from dualhomed within {Seconds(timeout)} s");

    internal static ControlClientException ConnectFailed(string path, SocketException e) => e.SocketErrorCode switch
    {
        SocketError.AccessDenied => new(ControlClientError.PermissionDenied, $"permission denied on {path} (run as root)", e),
        SocketError.ConnectionRefused => new(ControlClientError.NotRunning, $"dualhomed is not running (nothing listens on {path})", e),
        // connect(2) on a missing path is ENOENT, which .NET reports as AddressNotAvailable.
        _ when !File.Exists(path) => NotRunning(path, e),
        _ => new(ControlClientError.ConnectionLost, $"cannot connect to {path}: {e.Message}", e),
    };

    internal static ControlClientException NotRunning(string path, Exception? inner = null) =>
        new(ControlClientError.NotRunning, $"dualhomed is not running (no control socket at {path})", inner);

    internal static ControlClientException Lost(Exception? inner = null) =>
        new(ControlClientError.ConnectionLost, "dualhomed closed the connection without answering", inner);

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
