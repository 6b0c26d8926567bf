using System.Net;
using DualHome.Config;
using DualHome.ControlPlane.Peers;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.ControlPlane.Routing;
using DualHome.ControlPlane.Uplinks;
using DualHome.Daemon.Platform;
using DualHome.Wire.Peers;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Peers;

/// <summary>
/// Issue 10 in a running router ("Peers": { "Mode": "auto" }): the peer table fed by the RA engine's foreign RAs and
/// by heartbeats, this router's own heartbeat every <see cref="PeersConfig.HeartbeatInterval"/> (its prefixes, its
/// address in each, whether its ISP works), and the sweep that declares a silent peer dead. A peer's death is
/// noticed within <see cref="PeersConfig.DeadAfter"/> + 1 intervals (RAs alone would take their router lifetime).
/// </summary>
public sealed class PeerLink : IDisposable
{
    private readonly PeersConfig _config;
    private readonly IReadOnlyList<(UplinkConfig Uplink, IPNetwork Prefix)> _own;
    private readonly SiteHealth _health;
    private readonly HeartbeatSocket? _socket;
    private ReceiveThread? _receive;
    private readonly Timer _timer;
    private readonly byte[] _sendBuffer = new byte[PeerHeartbeat.MaxLength];
    private readonly Lock _tick = new();
    private uint _sequence;
    private long _sent, _received, _malformed;

    private PeerLink(SiteConfig config, SiteHealth health, HeartbeatSocket? socket)
    {
        (_config, _health, _socket) = (config.PeersOrDefault, health, socket);
        _own = [.. SiteSetup.Numbered(config).Take(PeerHeartbeat.MaxPrefixes)];
        Table = new PeerTable(TimeProvider.System, [.. _own.Select(o => o.Prefix)]);
        _timer = new Timer(_ => Tick());
    }

    public PeerTable Table { get; }

    /// <summary>Learns from <paramref name="advertiser"/>'s foreign RAs and (after <see cref="Begin"/>) heartbeats on the LAN. Without a
    /// heartbeat socket (the port is taken) it still learns from RAs, and says what it cannot do.</summary>
    public static PeerLink Start(SiteConfig config, SiteHealth health, RouterAdvertiser advertiser, ILogger log)
    {
        var peers = config.PeersOrDefault;
        HeartbeatSocket? socket = null;
        try { socket = HeartbeatSocket.Open(config.Lan.Interface, peers.Port); }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            DaemonLog.NoHeartbeats(log, config.Lan.Interface, peers.Port, e.Message);
        }
        var link = new PeerLink(config, health, socket);
        advertiser.ForeignAdvertisement += link.Table.OnAdvertisement;
        return link;
    }

    /// <summary>Starts heartbeats, their reception and the sweep; after <see cref="PeerTable.Changed"/> has its listeners,
    /// so no peer is learnt unseen.</summary>
    public void Begin()
    {
        _receive = _socket?.StartReceiving(OnDatagram);
        _timer.Change(TimeSpan.Zero, _config.HeartbeatInterval);
    }

    /// <summary>What to do about the peers' prefixes now.</summary>
    public PeerPlan Plan() => PeerPlan.Make(Table.Snapshot(), [.. _own.Select(o => o.Prefix)], TimeProvider.System.GetUtcNow());

    public string CountersText() =>
        $"peer heartbeats: {_sent} sent, {_received} received, {_malformed} malformed, {_socket?.Refused ?? 0} not from the LAN's link-local addresses";

    public void Dispose()
    {
        _timer.Dispose();
        _receive?.Dispose();
        _socket?.Dispose();
    }

    /// <summary>Timer callbacks may overlap when one is late; the late one is skipped (the buffer is shared).</summary>
    private void Tick()
    {
        if (!_tick.TryEnter()) return;
        try
        {
            if (_socket is not null && _socket.TrySend(_sendBuffer.AsSpan(0, Heartbeat().Write(_sendBuffer)))) Interlocked.Increment(ref _sent);
            Table.Sweep(_config.DeadAfter);
        }
        finally { _tick.Exit(); }
    }

    private PeerHeartbeat Heartbeat()
    {
        var preferred = _health.Snapshot().Where(s => s.Preferred).Select(s => s.Name).ToHashSet();
        return new PeerHeartbeat((ushort)_config.HeartbeatInterval.TotalMilliseconds, ++_sequence,
            [.. _own.Select(o => new HeartbeatPrefix(SiteSetup.RouterAddress(o.Prefix), (byte)o.Prefix.PrefixLength, preferred.Contains(o.Uplink.Name)))]);
    }

    private void OnDatagram(IPAddress source, ReadOnlySpan<byte> datagram)
    {
        if (PeerHeartbeat.TryRead(datagram, out var heartbeat) != HeartbeatReadResult.Ok) { Interlocked.Increment(ref _malformed); return; }
        Interlocked.Increment(ref _received);
        Table.OnHeartbeat(source, heartbeat!);
    }
}
