using DualHome.Control.Tests.Support;

namespace DualHome.Control.Tests;

public class ServerStopTests : ControlTest
{
    protected override TimeSpan DrainTime => TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task RequestInProgressFinishesBeforeStopCompletes()
    {
        var answer = SendAsync("wait");
        await Handler.Entered.Task.WaitAsync(Safety, Cancel);
        var stop = Server.StopAsync();
        Handler.Release.SetResult();
        Assert.Equal("released", (await answer.WaitAsync(Safety, Cancel)).Text);
        await stop.WaitAsync(Safety, Cancel);
        Assert.False(File.Exists(SocketPath));
    }

    [Fact]
    public async Task IdleClientDoesNotDelayStop()
    {
        await using var idle = await ControlConnection.ConnectAsync(SocketPath, Safety, Cancel);
        Assert.Equal("x", (await idle.SendAsync(new ControlRequest("echo", ["x"]), Safety, Cancel)).Text);
        await Server.StopAsync().WaitAsync(Safety, Cancel);
        Assert.False(Log.Has(413)); // stopped without running into the drain time
        var error = await Assert.ThrowsAsync<ControlClientException>(() => idle.SendAsync(new ControlRequest("echo", ["y"]), Safety, Cancel));
        Assert.Equal(ControlClientError.ConnectionLost, error.Error);
    }

    [Fact]
    public async Task HandlerStillBusyAfterTheDrainTimeIsCancelled()
    {
        var answer = SendAsync("hang");
        await Handler.Entered.Task.WaitAsync(Safety, Cancel);
        await Server.StopAsync().WaitAsync(Safety, Cancel);
        await Handler.Cancelled.Task.WaitAsync(Safety, Cancel);
        Assert.True(Log.Has(413));
        var error = await Assert.ThrowsAsync<ControlClientException>(() => answer);
        Assert.Equal(ControlClientError.ConnectionLost, error.Error);
    }

    [Fact]
    public async Task AfterStopClientsAreToldTheDaemonIsNotRunning()
    {
        await Server.StopAsync();
        await Server.StopAsync(); // idempotent
        var error = await Assert.ThrowsAsync<ControlClientException>(() => SendAsync("echo"));
        Assert.Equal(ControlClientError.NotRunning, error.Error);
    }
}
