using System.Text;
using DualHome.ControlPlane.Peers;

namespace DualHome.Daemon.Control;

/// <summary>`show status`: the other exit routers on the LAN (issue 10), one line each.</summary>
public static class PeerReport
{
    public static string Text(PeerTable? peers, DateTimeOffset now)
    {
        if (peers is null) return "";
        var sb = new StringBuilder();
        foreach (var p in peers.Snapshot())
            sb.AppendLine($"peer {p.LinkLocal} ({Mac(p)}): {(p.Alive ? "alive" : "dead")}, router lifetime {p.RouterLifetime} s; {Prefixes(p, now)}{Heartbeat(p, now)}");
        return sb.Length == 0 ? "peers: none heard" : sb.ToString().TrimEnd();
    }

    private static string Mac(Peer p) =>
        p.Mac is { } mac ? string.Join(':', mac.GetAddressBytes().Select(b => b.ToString("x2"))) : "no MAC";

    private static string Prefixes(Peer p, DateTimeOffset now) => p.Prefixes.Count == 0 ? "no prefixes" : string.Join(", ", p.Prefixes.Select(x =>
        $"{x.Prefix} ({(x.PreferredLeft(now) > 0 ? "preferred" : "deprecated")}, valid {x.ValidLeft(now)} s left)"));

    /// <summary>A DualHome peer: how fresh its heartbeat is and what it forwards itself (the next hop this router uses).</summary>
    private static string Heartbeat(Peer p, DateTimeOffset now) => p.LastBeat is not { } beat ? "; no heartbeats (RAs only)"
        : $"; heartbeat every {p.BeatInterval.TotalMilliseconds:0} ms, last {(now - beat).TotalMilliseconds:0} ms ago"
          + (p.Claimed.Count == 0 ? "" : "; forwards " + string.Join(", ", p.Claimed.Select(c => $"{c.Prefix} via {c.RouterAddress} (ISP {(c.Preferred ? "up" : "down")})")));
}
