using System.Diagnostics;

namespace DualHome.Control.Tests.Support;

/// <summary>
/// A handler whose behaviour is chosen by the command: echo, refuse, usage, status (with JSON), fail (throws),
/// hang (until cancelled), wait (until <see cref="Release"/>), meet (until <see cref="MeetCount"/> requests are
/// inside at once, which only a concurrent server can reach).
/// </summary>
internal sealed class ScriptedHandler : IControlHandler
{
    public const string StatusJson = """{"uplinks":[{"name":"a","state":"up"}]}""";

    private readonly TaskCompletionSource _allMet = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _met;

    public int MeetCount { get; init; } = 3;

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<ControlResponse> HandleAsync(ControlRequest request, CancellationToken cancel)
    {
        switch (request.Command)
        {
            case "echo":
                return ControlResponse.Ok(string.Join(' ', request.Args));
            case "refuse":
                return ControlResponse.Refused("no uplink named 'c'");
            case "usage":
                return ControlResponse.Usage("usage: uplink NAME force-down|force-up|auto");
            case "status":
                return ControlResponse.Ok("uplink a: up", StatusJson);
            case "big":
                return ControlResponse.Ok(new string('x', int.Parse(request.Args[0])));
            case "fail":
                throw new InvalidOperationException("boom: the uplink table is locked");
            case "hang":
                Entered.TrySetResult();
                await WaitForCancellation(cancel);
                throw new UnreachableException();
            case "wait":
                Entered.TrySetResult();
                await Release.Task;
                return ControlResponse.Ok("released");
            case "meet":
                if (Interlocked.Increment(ref _met) == MeetCount)
                {
                    _allMet.TrySetResult();
                }
                await _allMet.Task.WaitAsync(cancel);
                return ControlResponse.Ok("met");
            default:
                return ControlResponse.Usage($"unknown command '{request.Command}'");
        }
    }

    private async Task WaitForCancellation(CancellationToken cancel)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancel);
        }
        finally
        {
            Cancelled.TrySetResult();
        }
    }
}
