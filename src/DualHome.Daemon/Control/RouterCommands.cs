using System.Text;
using DualHome.Control;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.ControlPlane.Uplinks;
using DualHome.Hardware;
using DualHome.Hardware.Buttons;

namespace DualHome.Daemon.Control;

/// <summary>The daemon's side of the control channel: typed commands over the live engines.</summary>
public sealed class RouterCommands(SiteHealth health, RouterAdvertiser ra, BoardPanel? board,
    IReadOnlyList<string> configuredUplinks, Func<string>? dataPlaneCounters = null, ConfigCommands? configCommands = null,
    Func<string>? prefixStatus = null)
    : IControlHandler
{
    private const string Help = """
        show status [--json]               uplinks: health, advertised state, override, counters
        show counters                      RA engine and probe counters, drops by reason
        uplink NAME force-down|force-up|auto   override an uplink (auto follows its health)
        button short|hold3|hold10          what the board's button does: switch ISP / all automatic / factory reset
        help                               this list
        """;

    public Task<ControlResponse> HandleAsync(ControlRequest request, CancellationToken cancel) =>
        Task.FromResult(Handle(request.Command, request.Args));

    private ControlResponse Handle(string command, IReadOnlyList<string> args) =>
        configCommands?.TryHandle(command, args) ?? HandleRouter(command, args);

    private static string FullHelp => (Help.TrimEnd() + "\n" + ConfigCommands.Help.TrimEnd());

    private ControlResponse HandleRouter(string command, IReadOnlyList<string> args) => (command, args.Count) switch
    {
        ("help", _) => ControlResponse.Ok(FullHelp),
        ("show", >= 1) when args[0] is "status" or "uplinks" => ShowStatus(args),
        ("show", >= 1) when args[0] == "counters" => ControlResponse.Ok(Counters()),
        ("uplink", 2) => SetOverride(args[0], args[1]),
        ("button", 1) => Button(args[0]),
        _ => ControlResponse.Usage($"unknown command '{string.Join(' ', [command, .. args])}'\n{FullHelp}"),
    };

    private ControlResponse ShowStatus(IReadOnlyList<string> args)
    {
        var uplinks = Snapshot();
        var text = StatusReport.Text(uplinks, ra);
        if (prefixStatus?.Invoke() is { Length: > 0 } prefixes) text += "\n" + prefixes;
        return ControlResponse.Ok(text, args.Contains("--json") ? StatusReport.Json(uplinks, ra) : null);
    }

    private ControlResponse SetOverride(string name, string mode)
    {
        if (!UplinkOverrides.TryParse(mode, out var value))
            return ControlResponse.Usage($"'{mode}' is not one of force-down, force-up, auto");
        if (health.Find(name) is not { } monitor)
            return configuredUplinks.Contains(name)
                ? ControlResponse.Refused($"uplink {name} is not usable (its route could not be installed; see the log)")
                : ControlResponse.Refused($"no uplink named '{name}' (configured: {string.Join(", ", configuredUplinks)})");
        monitor.SetOverride(value);
        var now = monitor.Current;
        return ControlResponse.Ok($"uplink {name}: override {now.Override.Name()}, prefix {(now.Preferred ? "preferred" : "deprecated")}");
    }

    /// <summary>The board's button logic, driven remotely; works with Board.Profile "none" too (actions only).</summary>
    private ControlResponse Button(string press)
    {
        ButtonEvent? e = press switch { "short" => ButtonEvent.Short, "hold3" => ButtonEvent.Hold3, "hold10" => ButtonEvent.Hold10, _ => null };
        if (e is null) return ControlResponse.Usage($"'{press}' is not one of short, hold3, hold10");
        if (board is null) return ControlResponse.Refused("no board panel (Board.Profile could not be loaded; see the log)");
        var result = board.Press(e.Value);
        return result.Outcome == ButtonOutcome.FactoryResetFailed
            ? ControlResponse.Refused(result.Message)
            : ControlResponse.Ok(result.Message);
    }

    private string Counters()
    {
        var sb = new StringBuilder();
        var c = ra.Counters;
        sb.AppendLine($"ra: sent {c.Sent}, send errors {c.SendErrors}, solicitations {c.Solicitations}, other routers' RAs {c.ForeignAdvertisements}");
        foreach (var (reason, count) in c.Drops.OrderBy(d => d.Key, StringComparer.Ordinal))
            sb.AppendLine($"ra: dropped {reason} {count}");
        foreach (var m in health.Uplinks)
        {
            var p = m.Counters;
            sb.AppendLine($"uplink {m.Name}: rounds {p.Rounds}, sent {p.Sent}, answered {p.Answered}, send failures {p.SendFailures}, late {p.Late}, duplicate {p.Duplicate}, unknown {p.Unknown}");
        }
        if (dataPlaneCounters?.Invoke() is { Length: > 0 } more)
            sb.AppendLine(more);
        return sb.ToString().TrimEnd();
    }

    private List<UplinkStatus> Snapshot() => health.Uplinks.Select(u => u.Current).ToList();
}
