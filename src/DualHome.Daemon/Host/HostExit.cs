using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using DualHome.Config;
using DualHome.Config.Host;
using DualHome.ControlPlane.Host;
using DualHome.ControlPlane.Uplinks;
using DualHome.Daemon.Platform;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Host;

/// <summary>
/// One exit as a host sees it (issue 11): its prefix, the host's address in it, and probes sourced from that address,
/// which the host's source route sends to the router that advertised the prefix — so they take the path the host's own
/// connections from that address take. The same health machine as the router's uplinks decides up or down; each
/// round's RTT (first reply) and loss feed the exit's <see cref="ExitQuality"/>.
/// </summary>
public sealed class HostExit : IDisposable
{
    private readonly ProbeSocket _socket;
    private readonly UplinkMonitor _monitor;
    private readonly IDisposable _receive;
    private readonly ConcurrentDictionary<ushort, long> _sent = new();
    private readonly ConcurrentDictionary<ushort, TimeSpan> _rtt = new();
    private readonly Lock _gate = new();

    private HostExit(IPNetwork prefix, IPAddress address, HostConfig config, IPAddress router, ushort identifier, ILogger log)
    {
        (Prefix, Address) = (prefix, address);
        Quality = new ExitQuality(config.Exit.WindowRounds);
        _socket = ProbeSocket.Open(config.Interface, address);
        var uplink = new UplinkConfig(prefix.ToString(), config.Interface, router, prefix, [], config.Probe);
        _monitor = new UplinkMonitor(uplink, identifier, new Timed(_socket, _sent), TimeProvider.System, new Random(), log);
        _monitor.RoundCompleted += OnRound;
        _receive = _socket.StartReceiving(_monitor, OnAccepted);
    }

    public IPNetwork Prefix { get; }
    public IPAddress Address { get; }
    public ExitQuality Quality { get; }

    /// <summary>Its probes say it works (a starting exit counts as working until its first verdict).</summary>
    public bool Up => _monitor.Current.State is UplinkState.Up or UplinkState.Starting;

    /// <summary>Its health changed (up, down): the agent decides again at once.</summary>
    public event Action? Changed;

    public static HostExit Start(IPNetwork prefix, IPAddress address, HostConfig config, IPAddress router, ushort identifier, ILogger log)
    {
        var exit = new HostExit(prefix, address, config, router, identifier, log);
        exit._monitor.Changed += change => exit.OnChanged(change);
        exit._monitor.Start();
        return exit;
    }

    /// <summary>The quality window, read under the exit's lock (rounds complete on the probe threads).</summary>
    public T Read<T>(Func<ExitQuality, T> read)
    {
        lock (_gate) return read(Quality);
    }

    /// <summary>Back up after a failure: the outage's losses are history (the exit was dead for them), so the window
    /// starts again instead of judging the exit worse for them.</summary>
    private void OnChanged(UplinkChange change)
    {
        if (change.NewState == UplinkState.Up && change.OldState != UplinkState.Starting) lock (_gate) Quality.Clear();
        Changed?.Invoke();
    }

    public void Dispose()
    {
        _receive.Dispose();
        _monitor.Dispose();
        _socket.Dispose();
    }

    private void OnAccepted(ushort sequence)
    {
        if (_sent.TryGetValue(sequence, out long at)) _rtt.TryAdd(sequence, Stopwatch.GetElapsedTime(at));
    }

    /// <summary>A round that completes on its last reply completes before that reply's sequence reaches
    /// <see cref="OnAccepted"/>: its RTT is the time since it was sent, now.</summary>
    private void OnRound(ProbeRound round)
    {
        _sent.TryRemove(round.Sequence, out long at);
        TimeSpan? rtt = !round.AnyAnswered ? null : _rtt.TryRemove(round.Sequence, out var r) ? r : Stopwatch.GetElapsedTime(at);
        lock (_gate) Quality.Add(rtt);
    }

    /// <summary>Remembers when each round's first echo left, so the first reply gives the round's RTT.</summary>
    private sealed class Timed(IProbeTransport inner, ConcurrentDictionary<ushort, long> sent) : IProbeTransport
    {
        public void SendEcho(IPAddress target, ushort identifier, ushort sequence)
        {
            sent.TryAdd(sequence, Stopwatch.GetTimestamp());
            inner.SendEcho(target, identifier, sequence);
        }
    }
}
