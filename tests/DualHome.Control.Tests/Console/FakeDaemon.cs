using DualHome.Control.Console;

namespace DualHome.Control.Tests.Console;

/// <summary>
/// Stands in for dualhomed behind <see cref="ConsoleSession"/>'s send function: records every request and
/// answers from a table keyed by the typed line; unknown lines get the daemon's usage answer. While
/// <see cref="FailingRequests"/> is above zero the next request fails as when nothing listens on the socket.
/// </summary>
internal sealed class FakeDaemon
{
    public const string StatusJson = """{"uplinks":[{"name":"isp-a","state":"up"},{"name":"isp-b","state":"down"}]}""";

    public List<ControlRequest> Requests { get; } = [];

    public Dictionary<string, ControlResponse> Answers { get; } = new()
    {
        ["show status --json"] = ControlResponse.Ok("uplink isp-a: up", StatusJson),
        ["show status"] = ControlResponse.Ok("uplink isp-a: up\nuplink isp-b: down", StatusJson),
        ["uplink c force-down"] = ControlResponse.Refused("no uplink named 'c' (configured: isp-a, isp-b)"),
    };

    /// <summary>How many of the next requests fail.</summary>
    public int FailingRequests { get; set; }

    public bool Down
    {
        set => FailingRequests = value ? int.MaxValue : 0;
    }

    /// <summary>The requests the user typed: without the banner and the uplink-name lookups the console makes itself.</summary>
    public IEnumerable<string> Typed => Requests
        .Where(r => r.ToString() is not ("show banner" or "show status --json"))
        .Select(r => r.ToString());

    public Task<ControlResponse> SendAsync(ControlRequest request)
    {
        Requests.Add(request);
        if (FailingRequests > 0)
        {
            FailingRequests--;
            throw new ControlClientException(ControlClientError.NotRunning, "dualhomed is not running (no control socket at /run/dualhome/control.sock)");
        }
        return Task.FromResult(Answers.TryGetValue(request.ToString(), out var answer)
            ? answer
            : ControlResponse.Usage($"unknown command '{request}'"));
    }
}
