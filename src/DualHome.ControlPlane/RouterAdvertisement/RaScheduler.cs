using System.Net;

namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>When to send Router Advertisements (RFC 4861 §6.2.4–§6.2.6). Pure: the caller supplies the time,
/// sends what <see cref="TakeDue"/> returns and arms one timer for <see cref="NextDue"/>.</summary>
/// <remarks>
/// Deliberate choice: a change of content (a prefix deprecated because its ISP died) is multicast at once even
/// within MIN_DELAY_BETWEEN_RAS of the previous RA. That limit exists to bound the RAs that solicitations can
/// trigger (§6.2.6); content changes are rare and paced by the uplink monitor's hysteresis, and failover time is
/// detection time plus this send. odhcpd likewise re-sends at once when its WAN state changes.
/// </remarks>
public sealed class RaScheduler
{
    private const int MaxPendingUnicasts = 16;
    private readonly TimeSpan _min, _max;
    private readonly Random _random;
    private readonly TokenBucket _unicastBudget;
    private readonly List<(DateTimeOffset Due, IPAddress To)> _unicasts = [];
    private DateTimeOffset? _nextMulticast;
    private DateTimeOffset? _lastMulticast;
    private int _initialRemaining;

    public RaScheduler(TimeSpan minInterval, TimeSpan maxInterval, Random random)
    {
        _min = minInterval;
        _max = maxInterval;
        _random = random;
        // At most 10 unicast answers a second, bursts of 10: a storm of RSs costs bounded work.
        _unicastBudget = new TokenBucket(capacity: 10, perSecond: 10);
    }

    public DateTimeOffset? LastMulticast => _lastMulticast;

    /// <summary>§6.2.4: the interface becomes advertising: send now, then the initial fast ones.</summary>
    public void Start(DateTimeOffset now) => RestartInitial(now);

    /// <summary>§6.2.4 permits treating changed contents like a new advertising interface.</summary>
    public void ContentChanged(DateTimeOffset now) => RestartInitial(now);

    public void Stop()
    {
        _nextMulticast = null;
        _unicasts.Clear();
    }

    /// <summary>§6.2.6: answer a solicitation after a random delay of up to MAX_RA_DELAY_TIME, multicast unless
    /// the rate limit would hold the answer back and the host gave an address to unicast to.</summary>
    public void Solicited(DateTimeOffset now, IPAddress source)
    {
        if (_nextMulticast is null) return; // not advertising
        var delay = RandomBetween(TimeSpan.Zero, RouterConstants.MaxRaDelayTime);
        var due = now + delay;
        if (_lastMulticast is { } last && now - last < RouterConstants.MinDelayBetweenRas)
            due = last + RouterConstants.MinDelayBetweenRas + delay;
        if (_nextMulticast <= due) return; // the next multicast RA answers it (§6.2.6 consolidation)
        bool heldBack = due - now > RouterConstants.MaxRaDelayTime;
        if (heldBack && !source.Equals(IPAddress.IPv6Any))
            QueueUnicast(now, now + delay, source);
        else
            _nextMulticast = due;
    }

    public DateTimeOffset? NextDue
    {
        get
        {
            var next = _nextMulticast;
            foreach (var u in _unicasts)
                if (next is null || u.Due < next) next = u.Due;
            return next;
        }
    }

    /// <summary>What must be sent at <paramref name="now"/>; advances the schedule as if it was sent.</summary>
    public List<RaSend> TakeDue(DateTimeOffset now)
    {
        var sends = new List<RaSend>();
        if (_nextMulticast is { } due && due <= now)
        {
            sends.Add(new RaSend(RaSend.AllNodes));
            _lastMulticast = now;
            if (_initialRemaining > 0) _initialRemaining--;
            _nextMulticast = now + NextInterval();
            _unicasts.Clear(); // every pending solicitor hears the multicast
        }
        for (int i = _unicasts.Count - 1; i >= 0; i--)
        {
            if (_unicasts[i].Due > now) continue;
            sends.Add(new RaSend(_unicasts[i].To));
            _unicasts.RemoveAt(i);
        }
        return sends;
    }

    private void RestartInitial(DateTimeOffset now)
    {
        _initialRemaining = RouterConstants.MaxInitialRtrAdvertisements;
        _nextMulticast = now;
    }

    /// <summary>§6.2.4: uniform in [Min, Max]; while initial RAs remain, at most MAX_INITIAL_RTR_ADVERT_INTERVAL.</summary>
    private TimeSpan NextInterval()
    {
        var interval = RandomBetween(_min, _max);
        return _initialRemaining > 0 && interval > RouterConstants.MaxInitialRtrAdvertInterval
            ? RouterConstants.MaxInitialRtrAdvertInterval
            : interval;
    }

    private void QueueUnicast(DateTimeOffset now, DateTimeOffset due, IPAddress to)
    {
        if (_unicasts.Exists(u => u.To.Equals(to))) return;
        if (_unicasts.Count >= MaxPendingUnicasts || !_unicastBudget.TryTake(now)) return;
        _unicasts.Add((due, to));
    }

    private TimeSpan RandomBetween(TimeSpan low, TimeSpan high) =>
        low + TimeSpan.FromTicks((long)(_random.NextDouble() * (high - low).Ticks));
}
