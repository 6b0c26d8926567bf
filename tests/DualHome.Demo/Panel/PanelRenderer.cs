using System.Text;
using DualHome.Testbed;

namespace DualHome.Demo.Panel;

/// <summary>
/// Draws a <see cref="PanelState"/>: as coloured lines for the live terminal panel (<see cref="Lines"/>), or as
/// named facts whose changes become plain log lines when stdout is not a terminal (<see cref="Facts"/>).
/// </summary>
public static class PanelRenderer
{
    private const string Reset = "\u001b[0m", Bold = "\u001b[1m", Dim = "\u001b[2m", Red = "\u001b[31m",
        Green = "\u001b[32m", Yellow = "\u001b[33m", Cyan = "\u001b[36m";

    public static List<string> Lines(PanelState s, int width)
    {
        var lines = new List<string>
        {
            $"{Bold}── DualHome live ── {s.At.ToLocalTime():HH:mm:ss.f} ── {s.Step} {Reset}",
        };
        lines.AddRange(s.Uplinks.Select(u => Uplink(u, s.At)));
        lines.Add(Router(s));
        lines.Add($" host's source for new connections: {Source(s)}");
        lines.Add($" TCP probe {Strip(s)} last: {Last(s)}");
        lines.Add($"{Dim} LEDs: ● solid = online, preferred · slow blink = standby · ✖ fast blink = ISP unreachable · ○ = no carrier{Reset}");
        return lines.Select(l => Fit(l, width)).ToList();
    }

    /// <summary>The same content as short named facts (for plain output: a line whenever one changes).</summary>
    public static Dictionary<string, string> Facts(PanelState s)
    {
        var facts = new Dictionary<string, string>();
        foreach (var u in s.Uplinks)
        {
            facts[$"LED {Topology.Letter(u.Isp)}"] = $"{Pattern(u.Led)} ({u.Meaning}); daemon: {u.State}{(u.Reason is null ? "" : $" ({u.Reason})")}";
            facts[$"RA {Topology.Letter(u.Isp)}"] = Prefix(u);
        }
        if (s.LastRa is { } ra) facts["router"] = ra.Ra.RouterLifetime > 0 ? $"default router, lifetime {ra.Ra.RouterLifetime} s" : "NOT a default router (lifetime 0)";
        facts["host source"] = Plain(Source(s));
        facts["TCP probe"] = s.Cells.Count > 0 ? s.Cells[^1] switch
        {
            ProbeCell.ViaA => "new connections ok via ISP A",
            ProbeCell.ViaB => "new connections ok via ISP B",
            ProbeCell.Failed => "new connections failing",
            _ => "idle",
        } : "idle";
        return facts;
    }

    private static string Uplink(UplinkView u, DateTimeOffset at)
    {
        var led = Led(u.Led, u.State, at);
        var reason = u.Reason is null ? "" : $"{Dim}({u.Reason}){Reset}";
        return $" LED {Topology.Letter(u.Isp)} {led} {Pattern(u.Led),-10} {u.Meaning,-18} {Prefix(u),-52} {u.State} {reason}";
    }

    private static string Led(LedPattern p, string state, DateTimeOffset at)
    {
        var ms = at.ToUnixTimeMilliseconds();
        bool fastOn = ms / 125 % 2 == 0, slowOn = ms / 500 % 2 == 0;
        return p switch
        {
            LedPattern.Solid => $"{Green}●{Reset}",
            LedPattern.SlowBlink => slowOn ? $"{Green}●{Reset}" : " ",
            LedPattern.Off => $"{Dim}○{Reset}",
            _ when state == "Down" => fastOn ? $"{Red}✖{Reset}" : " ",
            _ => fastOn ? $"{Yellow}●{Reset}" : " ",
        };
    }

    private static string Pattern(LedPattern p) => p switch
    {
        LedPattern.Solid => "solid",
        LedPattern.SlowBlink => "slow blink",
        LedPattern.FastBlink => "fast blink",
        _ => "off",
    };

    private static string Prefix(UplinkView u) => u.Advertised is { } p
        ? $"{p.Prefix} preferred {p.PreferredLifetime,4} s valid {p.ValidLifetime} s"
        : $"{Topology.LanPrefix(u.Isp)} (not advertised yet)";

    private static string Router(PanelState s) => s.LastRa is not { } ra
        ? " router: no RA yet"
        : ra.Ra.RouterLifetime > 0
            ? $" router: default router, lifetime {ra.Ra.RouterLifetime} s · last RA {(s.At - ra.Time).TotalSeconds:0.0} s ago"
            : $" router: {Red}NOT a default router (lifetime 0){Reset} · last RA {(s.At - ra.Time).TotalSeconds:0.0} s ago";

    private static string Source(PanelState s) => s.HostSource is { } a
        ? $"{Colour(Topology.IspOf(a))}{a}{Reset} ({(Topology.IspOf(a) is { } i ? $"ISP {i}" : "no ISP")})"
        : $"{Red}none{Reset} (no route: {s.LastResult?.Error ?? "?"})";

    private static string Strip(PanelState s)
    {
        var sb = new StringBuilder("[");
        foreach (var c in s.Cells)
        {
            sb.Append(c switch
            {
                ProbeCell.ViaA => $"{Green}A",
                ProbeCell.ViaB => $"{Cyan}B",
                ProbeCell.Failed => $"{Red}✘",
                _ => $"{Dim}·",
            });
        }
        return sb.Append($"{Reset}]").ToString();
    }

    private static string Last(PanelState s) => s.LastResult is not { } a
        ? "none yet"
        : a.Ok ? $"{Green}ok{Reset} via ISP {a.Isp} in {a.Took.TotalMilliseconds:0.0} ms" : $"{Red}fail{Reset} ({a.Error}) from {a.Source?.ToString() ?? "no source"}";

    private static string Colour(Isp? isp) => isp switch { Isp.A => Green, Isp.B => Cyan, _ => Red };

    /// <summary>Cuts a line to <paramref name="width"/> visible characters (escape sequences cost nothing), so the
    /// panel never wraps and the cursor moves that redraw it stay exact.</summary>
    public static string Fit(string line, int width)
    {
        var sb = new StringBuilder();
        var visible = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\u001b')
            {
                var end = line.IndexOf('m', i);
                if (end < 0) break;
                sb.Append(line, i, end - i + 1);
                i = end;
                continue;
            }
            if (visible >= width) continue;
            sb.Append(line[i]);
            visible++;
        }
        return sb.Append(Reset).ToString();
    }

    private static string Plain(string line) => System.Text.RegularExpressions.Regex.Replace(line, "\u001b\\[[0-9;]*m", "");
}
