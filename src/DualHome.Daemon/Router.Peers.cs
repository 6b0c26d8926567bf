using DualHome.Config;
using DualHome.ControlPlane.Peers;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.ControlPlane.Uplinks;
using DualHome.Daemon.PacketMode;
using DualHome.Daemon.Peers;
using DualHome.Daemon.Platform;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon;

/// <summary>Issue 10: the router's duties towards its peers, wired to the RA engine and (kernel mode) the routes.</summary>
public sealed partial class Router
{
    /// <summary>A peer change re-plans: the routes (kernel mode; packet mode asks the plan itself) and the RA, whose
    /// content sends at once when it changed (a dead peer's prefix deprecated, RFC 8475 §3).</summary>
    private sealed class PeerDuties(PeerLink link, PeerRoutes? routes, ILogger log) : IDisposable
    {
        private readonly Lock _gate = new();
        private PeerPlan _last = PeerPlan.None;
        private PacketDataPlane? _dataPlane;

        public PeerLink Link => link;

        public void OnChanged(Peer peer, Action refreshAdvertisement)
        {
            DaemonLog.PeerChanged(log, peer.LinkLocal.ToString(), peer.Alive ? "alive" : "dead",
                string.Join(", ", peer.Prefixes.Select(x => x.Prefix).Concat(peer.Claimed.Select(c => c.Prefix)).Distinct()));
            lock (_gate)
            {
                var plan = link.Plan();
                routes?.Apply(plan);
                if (_dataPlane is not null) ToPacketMode(_dataPlane, plan);
                if (!Same(plan, _last))
                    DaemonLog.PeerPlanChanged(log, List(plan.Forward.Select(f => $"{f.Prefix} via {f.Via}")), List(plan.Refuse.Select(r => r.ToString())),
                        List(plan.Deprecate.Select(d => d.Prefix.ToString())));
                _last = plan;
            }
            refreshAdvertisement();
        }

        /// <summary>Packet mode: the forwarder follows the plan from now on.</summary>
        public void Attach(PacketDataPlane dataPlane)
        {
            lock (_gate)
            {
                _dataPlane = dataPlane;
                ToPacketMode(dataPlane, link.Plan());
            }
        }

        /// <summary>A live peer's prefix goes to the MAC of the peer that forwards it (learnt from its RAs; without one
        /// yet, the prefix is left out and refused as foreign until its next RA); a dead peer's is refused.</summary>
        private void ToPacketMode(PacketDataPlane dataPlane, PeerPlan plan)
        {
            var peers = link.Table.Snapshot();
            var live = plan.Forward.Select(f => (f.Prefix, Mac: peers.FirstOrDefault(p => p.Alive && p.Claimed.Any(c => c.Prefix == f.Prefix && c.RouterAddress.Equals(f.Via)))?.Mac))
                .Where(x => x.Mac is not null);
            dataPlane.SetPeers([.. live, .. plan.Refuse.Select(r => (r, (System.Net.NetworkInformation.PhysicalAddress?)null))],
                peers.Select(p => p.Mac).OfType<System.Net.NetworkInformation.PhysicalAddress>());
        }

        public void Dispose()
        {
            link.Dispose();
            routes?.Dispose();
        }

        private static bool Same(PeerPlan a, PeerPlan b) =>
            a.Forward.SequenceEqual(b.Forward) && a.Refuse.SequenceEqual(b.Refuse) && a.Deprecate.Select(d => d.Prefix).SequenceEqual(b.Deprecate.Select(d => d.Prefix));

        private static string List(IEnumerable<string> items) => items.ToList() is { Count: > 0 } l ? string.Join(", ", l) : "none";
    }

    /// <summary>With "Peers": "auto", the other exit routers on the LAN: learnt from RAs and heartbeats, forwarded to
    /// while alive, covered for when dead.</summary>
    private PeerDuties? StartPeers(SiteConfig config, SiteHealth health, RouterAdvertiser advertiser)
    {
        if (!config.LearnsPeers) return null;
        var link = PeerLink.Start(config, health, advertiser, _log);
        var routes = config.DataPlane.IsPacket ? null
            : new PeerRoutes(new LinuxNetworkSystem(), config.Lan.Interface, logs.CreateLogger<PeerRoutes>());
        return new PeerDuties(link, routes, _log);
    }
}
