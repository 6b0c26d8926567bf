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
        {
            var prefixes = p.Prefixes.Count == 0 ? "no prefixes" : string.Join(", ", p.Prefixes.Select(x =>
                $"{x.Prefix} ({(x.PreferredLeft(now) > 0 ? "preferred" : "deprecated")}, valid {x.ValidLeft(now)} s left)"));
            sb.AppendLine($"peer {p.LinkLocal} ({(p.Mac is { } mac ? string.Join(':', mac.GetAddressBytes().Select(b => b.ToString("x2"))) : "no MAC")}): {(p.Alive ? "alive" : "dead")}, router lifetime {p.RouterLifetime} s; {prefixes}");
        }
        return sb.Length == 0 ? "peers: none heard" : sb.ToString().TrimEnd();
    }
}
