using DualHome.Config;
using DualHome.Config.Lifecycle;
using DualHome.ControlPlane.Uplinks;
using DualHome.Daemon.Configuration;
using DualHome.Linux;

namespace DualHome.Daemon;

/// <summary>Committed configuration changes: live when <see cref="LiveChange"/> allows, else a router restart.</summary>
public sealed partial class Router
{
    /// <summary>The restart waits this long so the commit's reply reaches the console before the socket closes.</summary>
    private static readonly TimeSpan RestartDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The running engines a live change touches.</summary>
    private sealed record Live(SiteHealth Health, Action RefreshAdvertisement);

    /// <summary>The applier of <c>commit</c>; runs on a control session's thread.</summary>
    private ApplyResult Apply(SiteConfig? old, SiteConfig next)
    {
        if (old is not null && _live is { } live && LiveChange.IsLive(old, next))
            return ApplyLive(live, next);
        var missing = MissingInterfaces(next);
        if (missing.Count > 0)
            return ApplyResult.Failure($"no interface {string.Join(", ", missing)} on this router: nothing changed");
        RequestRestart();
        return ApplyResult.Success("this change needs a restart of the router: restarting on the new configuration now (hosts see final RAs, then the new ones)");
    }

    private ApplyResult ApplyLive(Live live, SiteConfig next)
    {
        var changed = new List<string>();
        foreach (var uplink in next.Uplinks)
            if (live.Health.Find(uplink.Name) is { } monitor && !SameProbe(monitor.Config.Probe, uplink.Probe))
            {
                monitor.Reconfigure(uplink);
                changed.Add($"uplink {uplink.Name} probes");
            }
        _config = delegations.Resolve(next);
        live.RefreshAdvertisement(); // sends an RA only if its content changed (RouterAdvertiser.Update)
        levels.Set(next.Log.Level);
        DaemonLog.AppliedLive(_log, changed.Count == 0 ? "RA content / log level" : string.Join(", ", changed));
        return ApplyResult.Success("applied live" + (changed.Count == 0 ? "" : $" ({string.Join(", ", changed)})"));
    }

    /// <summary>The button's 10 s hold: the factory defaults become the configuration and the router restarts on them.</summary>
    private void FactoryReset()
    {
        var result = lifecycle.FactoryReset();
        if (!result.Ok) throw new InvalidOperationException(result.Message);
        DaemonLog.FactoryReset(_log, result.Message);
        RequestRestart();
    }

    /// <summary>A delegation came, went or changed prefix: the router restarts on the new LAN prefix (routes,
    /// addresses, probes, packet tables, DNS all follow) and the old one is advertised stale (RFC 9096 §3.5). A renewal
    /// only moves the lifetimes the RA carries.</summary>
    private void OnDelegationChanged(string uplink, string reason)
    {
        var running = _config.Uplinks.FirstOrDefault(u => u.Name == uplink);
        var resolved = delegations.Resolve(_config).Uplinks.FirstOrDefault(u => u.Name == uplink);
        if (running is null || resolved is null) return;
        if (running.LanPrefix == resolved.LanPrefix && Equals(running.Gateway, resolved.Gateway)) { _live?.RefreshAdvertisement(); return; }
        if (!Equals(running.Gateway, resolved.Gateway))
            DaemonLog.GatewayChanged(_log, uplink, running.Gateway?.ToString() ?? "none", resolved.Gateway?.ToString() ?? "none", reason);
        if (running.LanPrefix != resolved.LanPrefix)
            DaemonLog.Renumbering(_log, uplink, running.LanPrefix?.ToString() ?? "none", resolved.LanPrefix?.ToString() ?? "none", reason);
        _renumber = true;
        _restart.Cancel();
    }

    private void RequestRestart() =>
        _ = Task.Delay(RestartDelay).ContinueWith(_ => _restart.Cancel(), TaskScheduler.Default);

    private static bool SameProbe(ProbeConfig a, ProbeConfig b) =>
        a.Interval == b.Interval && a.DownAfter == b.DownAfter && a.UpAfter == b.UpAfter && a.Targets.SequenceEqual(b.Targets);

    private static List<string> MissingInterfaces(SiteConfig config) =>
        config.Uplinks.Select(u => u.Interface).Prepend(config.Lan.Interface)
            .Where(name => !LinkExists(name)).ToList();

    private static bool LinkExists(string name)
    {
        try { LinkInfo.Get(name); return true; }
        catch (IOException) { return false; }
    }
}
