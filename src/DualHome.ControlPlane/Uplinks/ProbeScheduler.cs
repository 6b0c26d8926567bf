using System.Net;
using System.Net.Sockets;
using DualHome.Config;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Uplinks;

/// <summary>Sends probe rounds (one echo request to each target) at BFD-style jittered intervals and reports each
/// round's result, in order, through <see cref="RoundCompleted"/>: when every target has answered, or when the
/// round's timeout (one interval) has passed. One <see cref="ITimer"/> from the <see cref="TimeProvider"/>.</summary>
/// <remarks>Unlike BFD's slow start (RFC 5880 §6.8.3: at least 1 s between packets while a session is not Up),
/// rounds keep their rate while the uplink is down: the same rounds detect the recovery, and a few echoes a second
/// are nothing on a WAN link. Results are delivered outside the prober's lock.</remarks>
public sealed class ProbeScheduler : IDisposable
{
    private readonly string _uplink;
    private IReadOnlyList<IPAddress> _targets;
    private TimeSpan _interval;
    private readonly ushort _identifier;
    private readonly IProbeTransport _transport;
    private readonly Random _random;
    private readonly ILogger _log;
    private readonly MonotonicClock _clock;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private OutstandingRounds _rounds;
    private readonly OrderedDispatcher<ProbeRound> _results;
    private TimeSpan _nextRoundAt;
    private ushort _sequence;
    private bool _running, _sendFailing;

    public ProbeScheduler(string uplink, ProbeConfig probe, ushort identifier, IProbeTransport transport,
        TimeProvider time, Random random, ILogger log)
    {
        (_uplink, _targets, _interval, _identifier) = (uplink, probe.Targets, probe.Interval, identifier);
        (_transport, _random, _log) = (transport, random, log);
        _clock = new MonotonicClock(time);
        _rounds = new OutstandingRounds(_targets);
        _results = new OrderedDispatcher<ProbeRound>(round => RoundCompleted?.Invoke(round));
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public event Action<ProbeRound>? RoundCompleted;
    public ProbeCounters Counters { get; } = new();
    public ushort Identifier => _identifier;

    /// <summary>Sends the first round at once. Does nothing without targets.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_running || _targets.Count == 0) return;
            _running = true;
            _nextRoundAt = _clock.Now;
            Tick();
        }
        _results.DeliverPending();
    }

    /// <summary>Stops sending; open rounds are dropped without a result (their replies will count as late).</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _running = false;
            _rounds.Clear();
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Live reconfiguration: the next round uses the new interval and targets. Rounds already open are kept when the
    /// targets are the same and dropped otherwise (their replies count as late); the counters and the health judged
    /// from the rounds are untouched. A shorter interval takes effect at once rather than after the old one.
    /// </summary>
    public void Reconfigure(ProbeConfig probe)
    {
        lock (_gate)
        {
            if (!_targets.SequenceEqual(probe.Targets))
            {
                _rounds.Clear();
                _rounds = new OutstandingRounds(probe.Targets);
            }
            _targets = probe.Targets;
            var now = _clock.Now;
            if (_nextRoundAt > now + probe.Interval) _nextRoundAt = now + probe.Interval;
            _interval = probe.Interval;
            if (_running) Tick();
        }
        _results.DeliverPending();
    }

    /// <summary>An echo reply read by the transport. Never throws; what does not match an open round is counted.</summary>
    public EchoReplyResult OnEchoReply(IPAddress target, ushort identifier, ushort sequence)
    {
        EchoReplyResult result;
        lock (_gate)
        {
            result = identifier == _identifier ? _rounds.Match(target, sequence) : EchoReplyResult.Unknown;
            Count(result, target, sequence);
            if (result == EchoReplyResult.Accepted) _rounds.CompleteDue(_clock.Now, Complete);
        }
        _results.DeliverPending();
        return result;
    }

    public void Dispose()
    {
        Stop();
        _timer.Dispose();
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_running) Tick();
        }
        _results.DeliverPending();
    }

    /// <summary>Closes timed-out rounds before opening the next, sends a round when due, re-arms the one timer.</summary>
    private void Tick()
    {
        var now = _clock.Now;
        _rounds.CompleteDue(now, Complete);
        if (now >= _nextRoundAt) SendRound(now);
        var next = _rounds.OldestDeadline is { } deadline && deadline < _nextRoundAt ? deadline : _nextRoundAt;
        _timer.Change(next > now ? next - now : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void SendRound(TimeSpan now)
    {
        ushort sequence = _sequence++;
        _rounds.Open(sequence, now + _interval);
        bool allSent = true;
        foreach (var target in _targets)
            allSent &= Send(target, sequence);
        if (allSent) _sendFailing = false;
        _nextRoundAt = now + ProbeTiming.NextInterval(_interval, _random);
    }

    private bool Send(IPAddress target, ushort sequence)
    {
        try
        {
            _transport.SendEcho(target, _identifier, sequence);
            Counters.CountSent();
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidOperationException or ObjectDisposedException)
        {
            // A link that is down makes sends fail every round: logged once per episode, counted always.
            Counters.CountSendFailure();
            if (!_sendFailing) UplinkLog.SendFailed(_log, e, _uplink, target);
            _sendFailing = true;
            return false;
        }
    }

    private void Complete(ProbeRound round)
    {
        Counters.CountRound();
        _results.Enqueue(round);
    }

    /// <summary>Counts every reply; logs the first stray one of each kind and then every 1000th.</summary>
    private void Count(EchoReplyResult result, IPAddress target, ushort sequence)
    {
        long count = Counters.CountReply(result);
        if (result != EchoReplyResult.Accepted && (count == 1 || count % 1000 == 0))
            UplinkLog.StrayReply(_log, _uplink, result, target, sequence, count);
    }
}
