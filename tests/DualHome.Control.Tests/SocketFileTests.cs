using System.Net.Sockets;
using System.Runtime.Versioning;
using DualHome.Control.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualHome.Control.Tests;

[UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class SocketFileTests : IDisposable
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new();
    private readonly ScriptedHandler _handler = new();
    private readonly RecordingLogger _log = new();

    private string SocketPath => _dir.File("ctl.sock");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SocketIsOwnerOnlyAndRemovedAtDispose()
    {
        var server = new ControlServer(SocketPath, _handler, _log);
        server.Start();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SocketPath));
        Assert.True(_log.Has(400));
        await server.DisposeAsync();
        Assert.False(File.Exists(SocketPath));
        Assert.True(_log.Has(401));
    }

    [Fact]
    public async Task MissingParentDirectoryIsCreatedOwnerOnly()
    {
        var path = Path.Combine(_dir.Path, "run", "dualhome", "ctl.sock");
        await using (var server = new ControlServer(path, _handler, _log))
        {
            server.Start();
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(Path.GetDirectoryName(path)!));
            var response = await ControlClient.SendAsync(path, new ControlRequest("echo", ["ok"]), Safety, Cancel);
            Assert.Equal("ok", response.Text);
        }
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task ExistingParentDirectoryKeepsItsMode()
    {
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)Convert.ToInt32("755", 8));
        await using var server = new ControlServer(SocketPath, _handler, _log);
        server.Start();
        Assert.Equal((UnixFileMode)Convert.ToInt32("755", 8), File.GetUnixFileMode(_dir.Path));
    }

    [Fact]
    public async Task StaleSocketIsReplaced()
    {
        _dir.StaleSocket("ctl.sock");
        Assert.True(File.Exists(SocketPath));
        await using var server = new ControlServer(SocketPath, _handler, _log);
        server.Start();
        Assert.True(_log.Has(402));
        var response = await ControlClient.SendAsync(SocketPath, new ControlRequest("echo", ["new"]), Safety, Cancel);
        Assert.Equal("new", response.Text);
    }

    [Fact]
    public async Task LiveSocketOfAnotherServerIsNotTakenOver()
    {
        await using var first = new ControlServer(SocketPath, _handler, _log);
        first.Start();
        var second = new ControlServer(SocketPath, _handler, NullLogger.Instance);
        var error = Assert.Throws<ControlSocketException>(second.Start);
        Assert.Contains("listening on", error.Message);
        await second.DisposeAsync();
        var response = await ControlClient.SendAsync(SocketPath, new ControlRequest("echo", ["first"]), Safety, Cancel);
        Assert.Equal("first", response.Text);
    }

    [Fact]
    public async Task RegularFileAtThePathIsRefusedAndKept()
    {
        await File.WriteAllTextAsync(SocketPath, "{ \"important\": true }", Cancel);
        await using var server = new ControlServer(SocketPath, _handler, _log);
        var error = Assert.Throws<ControlSocketException>(server.Start);
        Assert.Equal($"{SocketPath} exists and is not a socket (a regular file); refusing to delete it (check Control.Socket)", error.Message);
        Assert.Equal("{ \"important\": true }", await File.ReadAllTextAsync(SocketPath, Cancel));
    }

    [Fact]
    public async Task EmptyRegularFileIsRefusedToo()
    {
        await File.WriteAllBytesAsync(SocketPath, [], Cancel);
        await using var server = new ControlServer(SocketPath, _handler, _log);
        Assert.Throws<ControlSocketException>(server.Start);
        Assert.True(File.Exists(SocketPath));
    }

    [Fact]
    public async Task DirectoryAtThePathIsRefused()
    {
        Directory.CreateDirectory(SocketPath);
        await using var server = new ControlServer(SocketPath, _handler, _log);
        var error = Assert.Throws<ControlSocketException>(server.Start);
        Assert.Contains("a directory", error.Message);
        Assert.True(Directory.Exists(SocketPath));
    }

    [Fact]
    public async Task SymbolicLinkAtThePathIsRefusedNotFollowed()
    {
        var target = _dir.File("config.json");
        await File.WriteAllTextAsync(target, "{}", Cancel);
        File.CreateSymbolicLink(SocketPath, target);
        await using var server = new ControlServer(SocketPath, _handler, _log);
        var error = Assert.Throws<ControlSocketException>(server.Start);
        Assert.Contains("a symbolic link", error.Message);
        Assert.True(File.Exists(target));
    }

    [Fact]
    public async Task PathTooLongForSunPathIsRefused()
    {
        var path = Path.Combine(_dir.Path, new string('d', 100), "ctl.sock");
        await using var server = new ControlServer(path, _handler, _log);
        var error = Assert.Throws<ControlSocketException>(server.Start);
        Assert.Contains("too long for a Unix socket (at most 107 bytes)", error.Message);
        var client = await Assert.ThrowsAsync<ControlClientException>(() =>
            ControlClient.SendAsync(path, new ControlRequest("echo", []), Safety, Cancel));
        Assert.Equal(ControlClientError.InvalidPath, client.Error);
    }

    [Fact]
    public async Task ParentThatIsAFileIsAClearError()
    {
        await File.WriteAllTextAsync(_dir.File("run"), "", Cancel);
        await using var server = new ControlServer(_dir.File("run/ctl.sock"), _handler, _log);
        var error = Assert.Throws<ControlSocketException>(server.Start);
        Assert.StartsWith($"cannot prepare {_dir.File("run/ctl.sock")}: ", error.Message);
    }

    [Fact]
    public async Task StartTwiceIsAnError()
    {
        await using var server = new ControlServer(SocketPath, _handler, _log);
        server.Start();
        Assert.Throws<InvalidOperationException>(server.Start);
    }

    [Fact]
    public async Task StopWithoutStartDoesNothing()
    {
        await File.WriteAllTextAsync(SocketPath, "keep", Cancel);
        var server = new ControlServer(SocketPath, _handler, _log);
        await server.StopAsync();
        await server.DisposeAsync();
        Assert.Equal("keep", await File.ReadAllTextAsync(SocketPath, Cancel));
    }
}
