using System.Net.Sockets;
using DualHome.Control.Tests.Support;

namespace DualHome.Control.Tests;

public class ClientErrorTests : ControlTest
{
    protected override TimeSpan DrainTime => TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task NoSocketMeansNotRunning()
    {
        var path = Dir.File("absent.sock");
        var error = await Assert.ThrowsAsync<ControlClientException>(() =>
            ControlClient.SendAsync(path, new ControlRequest("echo", []), Safety, Cancel));
        Assert.Equal(ControlClientError.NotRunning, error.Error);
        Assert.Equal($"dualhomed is not running (no control socket at {path})", error.Message);
    }

    [Fact]
    public async Task MissingDirectoryMeansNotRunning()
    {
        var path = Dir.File("gone/ctl.sock");
        var error = await Assert.ThrowsAsync<ControlClientException>(() =>
            ControlClient.SendAsync(path, new ControlRequest("echo", []), Safety, Cancel));
        Assert.Equal($"dualhomed is not running (no control socket at {path})", error.Message);
    }

    [Fact]
    public async Task StaleSocketMeansNotRunning()
    {
        var path = Dir.StaleSocket("stale.sock");
        var error = await Assert.ThrowsAsync<ControlClientException>(() =>
            ControlClient.SendAsync(path, new ControlRequest("echo", []), Safety, Cancel));
        Assert.Equal(ControlClientError.NotRunning, error.Error);
        Assert.Equal($"dualhomed is not running (nothing listens on {path})", error.Message);
    }

    [Fact]
    public void PermissionDeniedSaysRunAsRoot()
    {
        // Root (which runs these tests) is never denied, so the mapping of EACCES is checked directly.
        var error = ControlClientException.ConnectFailed("/run/dualhome/ctl.sock", new SocketException((int)SocketError.AccessDenied));
        Assert.Equal(ControlClientError.PermissionDenied, error.Error);
        Assert.Equal("permission denied on /run/dualhome/ctl.sock (run as root)", error.Message);
    }

    [Fact]
    public async Task NoAnswerInTimeIsATimeout()
    {
        var error = await Assert.ThrowsAsync<ControlClientException>(() =>
            ControlClient.SendAsync(SocketPath, new ControlRequest("hang", []), TimeSpan.FromMilliseconds(200), Cancel));
        Assert.Equal(ControlClientError.Timeout, error.Error);
        Assert.Equal("no answer from dualhomed within 0.2 s", error.Message);
        Assert.Equal("alive", (await SendAsync("echo", "alive")).Text);
    }

    [Fact]
    public async Task ConnectionIsClosedAfterATimeout()
    {
        await using var connection = await ControlConnection.ConnectAsync(SocketPath, Safety, Cancel);
        await Assert.ThrowsAsync<ControlClientException>(() =>
            connection.SendAsync(new ControlRequest("hang", []), TimeSpan.FromMilliseconds(100), Cancel));
        // A late answer to "hang" would be mistaken for the answer to the next request.
        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            connection.SendAsync(new ControlRequest("echo", []), Safety, Cancel));
    }

    [Fact]
    public async Task CallerCancellationIsNotReportedAsATimeout()
    {
        using var cancel = new CancellationTokenSource();
        var answer = ControlClient.SendAsync(SocketPath, new ControlRequest("hang", []), Safety, cancel.Token);
        await Handler.Entered.Task.WaitAsync(Safety, Cancel);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answer);
    }
}
