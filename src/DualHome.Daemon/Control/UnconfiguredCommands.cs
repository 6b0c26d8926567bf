using DualHome.Control;

namespace DualHome.Daemon.Control;

/// <summary>The control channel of a daemon with no usable configuration: the configuration commands (so the
/// console can set one up and commit it) and a status that says what is wrong.</summary>
public sealed class UnconfiguredCommands(ConfigCommands config, Func<string?> banner) : IControlHandler
{
    public Task<ControlResponse> HandleAsync(ControlRequest request, CancellationToken cancel) =>
        Task.FromResult(config.TryHandle(request.Command, request.Args) ?? Handle(request.Command, request.Args));

    private ControlResponse Handle(string command, IReadOnlyList<string> args) => (command, args.Count) switch
    {
        ("show", >= 1) when args[0] is "status" or "uplinks" or "counters" =>
            ControlResponse.Ok($"UNCONFIGURED: not routing, not advertising.\n{banner()?.TrimEnd()}\nset the configuration (set KEY VALUE, show candidate), then commit and save"),
        ("help", _) => ControlResponse.Ok(ConfigCommands.Help.TrimEnd()),
        _ => ControlResponse.Refused($"'{command}' needs a configured router; this one is UNCONFIGURED (see show status)"),
    };
}
