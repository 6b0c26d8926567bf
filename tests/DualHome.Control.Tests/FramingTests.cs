using System.Text;

namespace DualHome.Control.Tests;

public class FramingTests
{
    [Fact]
    public void RequestIsOneCamelCaseJsonLine()
    {
        var line = ControlFraming.EncodeRequest(new ControlRequest("uplink", ["a", "force-down"]));
        Assert.Equal("{\"command\":\"uplink\",\"args\":[\"a\",\"force-down\"]}\n", Encoding.UTF8.GetString(line));
    }

    [Fact]
    public void ResponseLeavesOutAMissingJson()
    {
        var line = ControlFraming.EncodeResponse(ControlResponse.Refused("no uplink named 'c'"));
        Assert.Equal("{\"status\":\"Refused\",\"text\":\"no uplink named \\u0027c\\u0027\"}\n", Encoding.UTF8.GetString(line));
    }

    [Fact]
    public void MultiLineTextAndJsonStayOnOneLine()
    {
        var response = ControlResponse.Ok("uplink a: up\nuplink b: down\n", "{\n  \"a\": 1\n}");
        var line = ControlFraming.EncodeResponse(response);
        Assert.Equal(1, line.Count(b => b == (byte)'\n'));
        Assert.Equal((byte)'\n', line[^1]);
        Assert.Equal(response, ControlFraming.DecodeResponse(line.AsSpan(..^1), out _));
    }

    [Theory]
    [InlineData(ControlStatus.Ok, "\"Ok\"")]
    [InlineData(ControlStatus.Refused, "\"Refused\"")]
    [InlineData(ControlStatus.Usage, "\"Usage\"")]
    public void StatusIsWrittenByName(ControlStatus status, string json)
    {
        var line = Encoding.UTF8.GetString(ControlFraming.EncodeResponse(new ControlResponse(status, "t", null)));
        Assert.Contains($"\"status\":{json}", line);
    }

    [Fact]
    public void RequestRoundTrips()
    {
        var request = new ControlRequest("set", ["Uplinks.a.Probe.IntervalMs", "200", "é \"q\" \\"]);
        var line = ControlFraming.EncodeRequest(request);
        var decoded = ControlFraming.DecodeRequest(line.AsSpan(..^1), out var problem);
        Assert.Equal("", problem);
        Assert.Equal(request.Command, decoded?.Command);
        Assert.Equal(request.Args, decoded?.Args);
    }

    [Theory]
    [InlineData("{\"status\":\"Maybe\",\"text\":\"x\"}", "invalid JSON")]
    [InlineData("{\"status\":7,\"text\":\"x\"}", "unknown status 7")]
    [InlineData("{\"status\":\"Ok\",\"text\":\"x\",\"extra\":1}", "'extra'")]
    [InlineData("", "empty line")]
    public void MalformedResponseIsReported(string line, string problem)
    {
        Assert.Null(ControlFraming.DecodeResponse(Encoding.UTF8.GetBytes(line), out var reported));
        Assert.Contains(problem, reported);
    }

    [Fact]
    public void ResponseWithoutTextHasEmptyText()
    {
        var response = ControlFraming.DecodeResponse("{\"status\":\"Ok\"}"u8, out _);
        Assert.Equal(new ControlResponse(ControlStatus.Ok, "", null), response);
    }

    [Fact]
    public void FromWordsSplitsCommandAndArguments()
    {
        var request = ControlRequest.FromWords(["show", "status", "--json"]);
        Assert.Equal("show", request.Command);
        Assert.Equal(["status", "--json"], request.Args);
        Assert.True(request.HasFlag("--json"));
        Assert.Equal("show status --json", request.ToString());
    }
}
