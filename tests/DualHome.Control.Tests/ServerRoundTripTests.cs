using DualHome.Control.Tests.Support;

namespace DualHome.Control.Tests;

public class ServerRoundTripTests : ControlTest
{
    [Fact]
    public async Task RequestGetsItsAnswer()
    {
        var response = await SendAsync("echo", "uplink", "a");
        Assert.Equal(new ControlResponse(ControlStatus.Ok, "uplink a", null), response);
    }

    [Fact]
    public async Task StatusAndJsonArriveIntact()
    {
        var response = await SendAsync("status", "--json");
        Assert.Equal(ControlStatus.Ok, response.Status);
        Assert.Equal("uplink a: up", response.Text);
        Assert.Equal(ScriptedHandler.StatusJson, response.Json);
    }

    [Fact]
    public async Task SeveralRequestsOnOneConnection()
    {
        await using var connection = await ControlConnection.ConnectAsync(SocketPath, Safety, Cancel);
        for (var i = 0; i < 5; i++)
        {
            var response = await connection.SendAsync(new ControlRequest("echo", [$"n{i}", "é ✓"]), Safety, Cancel);
            Assert.Equal($"n{i} é ✓", response.Text);
        }
        Assert.Equal(ControlStatus.Refused, (await connection.SendAsync(new ControlRequest("refuse", []), Safety, Cancel)).Status);
        Assert.Equal(ControlStatus.Usage, (await connection.SendAsync(new ControlRequest("usage", []), Safety, Cancel)).Status);
    }

    [Fact]
    public async Task ConcurrentClientsAreServedTogether()
    {
        // "meet" answers only once all three are inside the handler at the same time.
        var clients = Enumerable.Range(0, Handler.MeetCount).Select(_ => SendAsync("meet")).ToArray();
        var responses = await Task.WhenAll(clients).WaitAsync(Safety, Cancel);
        Assert.All(responses, r => Assert.Equal("met", r.Text));
    }

    [Fact]
    public async Task ManyClientsInParallelEachGetTheirOwnAnswer()
    {
        var clients = Enumerable.Range(0, 200).Select(i => SendAsync("echo", $"{i}")).ToArray();
        var responses = await Task.WhenAll(clients).WaitAsync(Safety, Cancel);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"{i}"), responses.Select(r => r.Text));
    }

    [Fact]
    public async Task LargeAnswerUpToTheResponseLimitArrives()
    {
        var response = await SendAsync("big", "500000");
        Assert.Equal(500000, response.Text.Length);
    }

    [Fact]
    public async Task AnswerOverTheResponseLimitIsRefusedAndLogged()
    {
        var response = await SendAsync("big", $"{ControlFraming.MaxResponseBytes + 1}");
        Assert.Equal(ControlStatus.Refused, response.Status);
        Assert.Contains("larger than", response.Text);
        Assert.True(Log.Has(410));
        Assert.Equal("y", (await SendAsync("echo", "y")).Text);
    }

    [Fact]
    public async Task HandlerExceptionBecomesRefusedAndTheServerKeepsServing()
    {
        var response = await SendAsync("fail");
        Assert.Equal(new ControlResponse(ControlStatus.Refused, "boom: the uplink table is locked", null), response);
        var logged = Assert.Single(Log.Entries, e => e.Id.Id == 409);
        Assert.IsType<InvalidOperationException>(logged.Error);
        Assert.Equal("still here", (await SendAsync("echo", "still", "here")).Text);
    }

    [Fact]
    public async Task HandlerExceptionKeepsTheConnectionUsable()
    {
        await using var connection = await ControlConnection.ConnectAsync(SocketPath, Safety, Cancel);
        Assert.Equal(ControlStatus.Refused, (await connection.SendAsync(new ControlRequest("fail", []), Safety, Cancel)).Status);
        Assert.Equal("again", (await connection.SendAsync(new ControlRequest("echo", ["again"]), Safety, Cancel)).Text);
    }
}
