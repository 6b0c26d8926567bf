using System.Net;
using System.Text;
using DualHome.Config;
using DualHome.ControlPlane.Dhcpv6;
using DualHome.Linux;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Delegations;

/// <summary>
/// The prefix-delegation clients of every uplink with <c>"LanPrefix": "dhcpv6-pd"</c> (issue 8). They live as long as
/// the daemon, across router restarts, so a restart (a committed change, a renumbering) neither loses nor re-asks
/// for a delegation. <see cref="Resolve"/> turns the configuration into the one the router runs: each delegated
/// uplink's LAN prefix is subnet <c>SubnetId</c> of its current delegation, or null while it has none.
/// </summary>
public sealed class PrefixDelegations(ILoggerFactory logs) : IDisposable
{
    private readonly ILogger _log = logs.CreateLogger("DualHome.Dhcpv6");
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DelegatedUplink> _uplinks = [];

    /// <summary>Uplink name and what happened to its delegation (raised on the client's thread).</summary>
    public event Action<string, DelegationChange>? Changed;

    /// <summary>Starts a client for each delegated uplink of <paramref name="config"/> that has none, keeps those
    /// that still fit, stops the others (without Release).</summary>
    public void Reconcile(SiteConfig config)
    {
        var store = new FileStateStore(config.StateDirectory, DirectorySync.Flush);
        var started = new List<DelegatedUplink>();
        lock (_gate)
        {
            var wanted = config.Uplinks.Where(u => u.IsDelegated).ToDictionary(u => u.Name);
            foreach (var name in _uplinks.Keys.Where(n => !wanted.TryGetValue(n, out var u) || !_uplinks[n].Serves(u)).ToList())
            {
                _uplinks[name].Dispose();
                _uplinks.Remove(name);
            }
            foreach (var u in wanted.Values.Where(u => !_uplinks.ContainsKey(u.Name)))
            {
                var d = new DelegatedUplink(u, store, logs.CreateLogger($"DualHome.Dhcpv6.{u.Name}"));
                d.Changed += (name, change) => Changed?.Invoke(name, change);
                _uplinks[u.Name] = d;
                started.Add(d);
            }
        }
        foreach (var d in started) d.Start();
    }

    /// <summary><paramref name="config"/> with each delegated uplink's LAN prefix filled in from its delegation.</summary>
    public SiteConfig Resolve(SiteConfig config) =>
        config with { Uplinks = [.. config.Uplinks.Select(u => u.IsDelegated ? u with { LanPrefix = LanPrefix(u) } : u)] };

    /// <summary>The current delegation of <paramref name="uplink"/>, if it is still valid.</summary>
    public ControlPlane.Dhcpv6.Delegation? Current(string uplink)
    {
        lock (_gate)
            return _uplinks.TryGetValue(uplink, out var d) && d.Client is { } c && c.HasValidDelegation ? c.Delegation : null;
    }

    private IPNetwork? LanPrefix(UplinkConfig u)
    {
        if (Current(u.Name) is not { } d) return null;
        ulong id = u.Delegation!.SubnetId;
        if (LanSubnet.TryFrom(d.Prefix, id, out var lan)) return lan;
        DaemonLog.SubnetDoesNotFit(_log, u.Name, id, d.Prefix.ToString());
        return null;
    }

    /// <summary>For `show status`: one line per delegated uplink.</summary>
    public string StatusText()
    {
        var sb = new StringBuilder();
        lock (_gate)
            foreach (var d in _uplinks.Values.OrderBy(d => d.Uplink.Name, StringComparer.Ordinal))
                sb.AppendLine(Describe(d));
        return sb.ToString().TrimEnd();
    }

    private static string Describe(DelegatedUplink d)
    {
        var prefix = $"uplink {d.Uplink.Name}: DHCPv6-PD on {d.Uplink.Interface}";
        if (d.Client is not { } c) return $"{prefix}: not started ({d.Problem ?? "starting"})";
        if (c.Delegation is not { } del || !c.HasValidDelegation) return $"{prefix}: no delegation ({c.State.ToString().ToLowerInvariant()}) — uplink down";
        var now = TimeProvider.System;
        string lan = LanSubnet.TryFrom(del.Prefix, d.Uplink.Delegation!.SubnetId, out var l) ? $"LAN {l}" : $"SubnetId {d.Uplink.Delegation.SubnetId} does not fit";
        return $"{prefix}: {del.Prefix} ({c.State.ToString().ToLowerInvariant()}, preferred {del.PreferredRemaining(now)} s, valid {del.ValidRemaining(now)} s left, {lan})";
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var d in _uplinks.Values) d.Dispose();
            _uplinks.Clear();
        }
    }
}
