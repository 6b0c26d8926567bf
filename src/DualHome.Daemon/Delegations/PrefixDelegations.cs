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
    private readonly Dictionary<string, LearnedGateway> _gateways = [];

    /// <summary>Uplink name and what changed in its delegation or learnt gateway (raised on the learner's thread).</summary>
    public event Action<string, string>? Changed;

    /// <summary>Starts a client for each delegated uplink of <paramref name="config"/> that has none, keeps those
    /// that still fit, stops the others (without Release).</summary>
    public void Reconcile(SiteConfig config)
    {
        var store = new FileStateStore(config.StateDirectory, DirectorySync.Flush);
        var started = new List<Action>();
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
                d.Changed += (name, change) => Changed?.Invoke(name, change.Reason);
                _uplinks[u.Name] = d;
                started.Add(d.Start);
            }
            ReconcileGateways(config, started);
        }
        foreach (var start in started) start();
    }

    /// <summary>Under the lock: a learner for each uplink without a configured gateway.</summary>
    private void ReconcileGateways(SiteConfig config, List<Action> started)
    {
        var wanted = config.Uplinks.Where(u => u.LearnsGateway).ToDictionary(u => u.Name);
        foreach (var name in _gateways.Keys.Where(n => !wanted.TryGetValue(n, out var u) || u.Interface != _gateways[n].Uplink.Interface).ToList())
        {
            _gateways[name].Dispose();
            _gateways.Remove(name);
        }
        foreach (var u in wanted.Values.Where(u => !_gateways.ContainsKey(u.Name)))
        {
            var g = new LearnedGateway(u, logs.CreateLogger($"DualHome.Gateway.{u.Name}"));
            g.Learner.Changed += (_, now) => Changed?.Invoke(u.Name, now is null ? "no ISP router heard any more" : $"ISP router {now} heard");
            _gateways[u.Name] = g;
            started.Add(g.Start);
        }
    }

    /// <summary>At process start: waits until every delegated uplink has a prefix and every learnt gateway is heard, at
    /// most <paramref name="timeout"/>. A router that advertised before the ISP answered would announce its
    /// remembered prefixes as stale (RFC 9096 §3.5) only to bring the same ones back a second later.</summary>
    public bool WaitUntilLearnt(TimeSpan timeout, CancellationToken stop)
    {
        var end = DateTime.UtcNow + timeout;
        while (!AllLearnt())
        {
            if (DateTime.UtcNow >= end || stop.WaitHandle.WaitOne(50)) return false;
        }
        return true;
    }

    private bool AllLearnt()
    {
        lock (_gate)
            return _uplinks.Values.All(d => d.Client is { HasValidDelegation: true }) && _gateways.Values.All(g => g.Learner.Gateway is not null);
    }

    /// <summary><paramref name="config"/> with each delegated uplink's LAN prefix filled in from its delegation.</summary>
    public SiteConfig Resolve(SiteConfig config) =>
        config with { Uplinks = [.. config.Uplinks.Select(Resolve)] };

    private UplinkConfig Resolve(UplinkConfig u)
    {
        if (u.IsDelegated) u = u with { LanPrefix = LanPrefix(u) };
        if (u.LearnsGateway) u = u with { Gateway = LearntGateway(u.Name) };
        return u;
    }

    private IPAddress? LearntGateway(string uplink)
    {
        lock (_gate) return _gateways.TryGetValue(uplink, out var g) ? g.Learner.Gateway : null;
    }

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
        {
            foreach (var d in _uplinks.Values.OrderBy(d => d.Uplink.Name, StringComparer.Ordinal))
                sb.AppendLine(Describe(d));
            foreach (var g in _gateways.Values.OrderBy(g => g.Uplink.Name, StringComparer.Ordinal))
                sb.AppendLine($"uplink {g.Uplink.Name}: gateway from Router Advertisements on {g.Uplink.Interface}: " +
                    // The interface is named already: the address without its scope id (fe80::1, not fe80::1%3).
                    (g.Learner.Gateway is { } gw ? new IPAddress(gw.GetAddressBytes()).ToString()
                        : $"none heard yet{(g.Problem is { } p ? $" ({p})" : "")} — uplink down"));
        }
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
            foreach (var g in _gateways.Values) g.Dispose();
            _uplinks.Clear();
            _gateways.Clear();
        }
    }
}
