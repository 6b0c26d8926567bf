using System.Text;
using DualHome.Control.Tests.Support;

namespace DualHome.Control.Tests;

public class MalformedRequestTests : ControlTest
{
    public static TheoryData<string, byte[], string> Malformed => new()
    {
        { "NotJson", Line("{not json"), "invalid JSON" },
        { "EmptyLine", Line(""), "empty line" },
        { "BlankLine", Line("  \t"), "empty line" },
        { "TruncatedObject", Line("{\"command\":\"echo\",\"args\":["), "invalid JSON" },
        { "TrailingGarbage", Line("{\"command\":\"echo\",\"args\":[]} x"), "invalid JSON" },
        { "TwoObjectsOnOneLine", Line("{\"command\":\"echo\",\"args\":[]}{\"command\":\"echo\",\"args\":[]}"), "invalid JSON" },
        { "Array", Line("[\"echo\"]"), "invalid JSON" },
        { "NullLiteral", Line("null"), "null instead of an object" },
        { "MissingCommand", Line("{\"args\":[\"a\"]}"), "missing \"command\"" },
        { "NullCommand", Line("{\"command\":null,\"args\":[]}"), "missing \"command\"" },
        { "EmptyCommand", Line("{\"command\":\"\",\"args\":[]}"), "missing \"command\"" },
        { "NumberCommand", Line("{\"command\":1,\"args\":[]}"), "invalid JSON" },
        { "ArgsNotAList", Line("{\"command\":\"echo\",\"args\":\"a\"}"), "invalid JSON" },
        { "NullArg", Line("{\"command\":\"echo\",\"args\":[\"a\",null]}"), "null in \"args\"" },
        { "UnknownMember", Line("{\"cmd\":\"echo\",\"args\":[]}"), "'cmd'" },
        { "WrongCase", Line("{\"Command\":\"echo\",\"args\":[]}"), "'Command'" },
        { "InvalidUtf8", [.. "{\"command\":\""u8, 0xC3, 0x28, .. "\",\"args\":[]}\n"u8], "not valid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedLineGetsUsageAndTheConnectionKeepsServing(string name, byte[] line, string problem)
    {
        await using var client = await RawClient.ConnectAsync(SocketPath);
        await client.SendAsync(line);
        var response = await client.ReceiveAsync();
        Assert.NotNull(response);
        Assert.Equal(ControlStatus.Usage, response.Status);
        Assert.StartsWith("malformed request: ", response.Text);
        Assert.Contains(problem, response.Text);
        Assert.True(Log.Has(407), name);

        await client.SendAsync("{\"command\":\"echo\",\"args\":[\"after\"]}\n");
        Assert.Equal("after", (await client.ReceiveAsync())?.Text);
    }

    [Fact]
    public async Task MissingArgsMeansNoArguments()
    {
        await using var client = await RawClient.ConnectAsync(SocketPath);
        await client.SendAsync("{\"command\":\"echo\"}\n");
        Assert.Equal(new ControlResponse(ControlStatus.Ok, "", null), await client.ReceiveAsync());
    }

    [Fact]
    public async Task CrLfAndAFinalLineWithoutNewlineAreAccepted()
    {
        await using var client = await RawClient.ConnectAsync(SocketPath);
        await client.SendAsync("{\"command\":\"echo\",\"args\":[\"crlf\"]}\r\n{\"command\":\"echo\",\"args\":[\"last\"]}");
        Assert.Equal("crlf", (await client.ReceiveAsync())?.Text);
        // The second request has no newline yet: the server waits for more until the client shuts down its side.
        client.ShutdownSend();
        Assert.Equal("last", (await client.ReceiveAsync())?.Text);
        Assert.Null(await client.ReceiveAsync());
    }

    [Fact]
    public async Task RequestsPipelinedInOneWriteAreAnsweredInOrder()
    {
        await using var client = await RawClient.ConnectAsync(SocketPath);
        var lines = string.Concat(Enumerable.Range(0, 10).Select(i => $"{{\"command\":\"echo\",\"args\":[\"{i}\"]}}\n"));
        await client.SendAsync(lines);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal($"{i}", (await client.ReceiveAsync())?.Text);
        }
    }

    [Fact]
    public async Task LineOfExactlyTheLimitIsAccepted()
    {
        var prefix = "{\"command\":\"echo\",\"args\":[\"edge\"]";
        var line = prefix + new string(' ', ControlFraming.MaxRequestBytes - prefix.Length - 1) + "}";
        Assert.Equal(ControlFraming.MaxRequestBytes, Encoding.UTF8.GetByteCount(line));
        await using var client = await RawClient.ConnectAsync(SocketPath);
        await client.SendAsync(line + "\n");
        Assert.Equal("edge", (await client.ReceiveAsync())?.Text);
    }

    [Fact]
    public async Task OverLongLineGetsUsageThenTheConnectionClosesAndTheServerKeepsServing()
    {
        await using (var client = await RawClient.ConnectAsync(SocketPath))
        {
            var line = Line("{\"command\":\"echo\",\"args\":[\"" + new string('a', ControlFraming.MaxRequestBytes) + "\"]}");
            // The server stops reading after the limit, so the rest of this write may fail: do not wait on it.
            var sending = client.SendAsync(line);
            var response = await client.ReceiveAsync();
            Assert.Equal(ControlStatus.Usage, response?.Status);
            Assert.StartsWith("request too long", response?.Text);
            Assert.Null(await client.ReceiveOrResetAsync());
            await Record.ExceptionAsync(() => sending);
        }
        Assert.True(Log.Has(408));
        Assert.Equal("next", (await SendAsync("echo", "next")).Text);
    }

    [Fact]
    public async Task ClientTooLongRequestIsStoppedBeforeSending()
    {
        var error = await Assert.ThrowsAsync<ControlClientException>(() => SendAsync("echo", new string('a', ControlFraming.MaxRequestBytes)));
        Assert.Equal(ControlClientError.Protocol, error.Error);
        Assert.StartsWith("request too long", error.Message);
    }

    private static byte[] Line(string text) => Encoding.UTF8.GetBytes(text + "\n");
}
