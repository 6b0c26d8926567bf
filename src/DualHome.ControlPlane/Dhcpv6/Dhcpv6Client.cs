using DualHome.ControlPlane.Uplinks;
using DualHome.Wire.Dhcpv6;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>
/// The DHCPv6 prefix-delegation client of one uplink (RFC 8415 §18.2): Solicit → Advertise → Request → Reply,
/// Renew at T1, Rebind at T2, Release only when told. Pure: time only through the <see cref="TimeProvider"/>
/// (one <see cref="ITimer"/>), randomness only through the injected <see cref="Random"/>, messages out through
/// <see cref="IDhcpv6Transport"/> and in through <see cref="OnReceived"/>.
/// </summary>
/// <remarks>
/// One enum (<see cref="Dhcpv6ClientState"/>) and one <c>Transition</c> that logs old → new and sets up the state's
/// exchange; the single timer is armed for the earliest deadline (next transmission, end of the exchange, T1, T2,
/// end of a lease). Thread-safe: calls and timer callbacks are serialized by a lock, and events are raised outside
/// it, in order, so a subscriber may call back into the client.
/// </remarks>
public sealed partial class Dhcpv6Client : IDisposable
{
    private readonly Dhcpv6ClientOptions _options;
    private readonly ClientIdentity _identity;
    private readonly IDhcpv6Transport _transport;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly ILogger _log;
    private readonly MonotonicClock _clock;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private readonly OrderedDispatcher<Action> _events = new(raise => raise());
    private TaskCompletionSource? _released;
    private bool _disposed;

    public Dhcpv6Client(Dhcpv6ClientOptions options, ClientIdentity identity, IDhcpv6Transport transport,
        TimeProvider time, Random random, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_options, _identity, _transport, _time, _random, _log) = (options, identity, transport, time, random, log);
        _clock = new MonotonicClock(time);
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public Dhcpv6ClientState State { get; private set; } = Dhcpv6ClientState.Idle;
    public ClientIdentity Identity => _identity;
    public Dhcpv6Counters Counters { get; } = new();

    /// <summary>The delegation the uplink's LAN prefix comes from, or null. Only prefixes up to /64 qualify (the LAN
    /// needs a /64); when the IA_PD holds several, the one in use is kept while the server keeps it.</summary>
    public Delegation? Delegation { get; private set; }

    /// <summary>Issue 8: "no valid delegation" counts as down for the uplink. False once the valid lifetime is over,
    /// even between the timer's ticks.</summary>
    public bool HasValidDelegation => Delegation is { } d && d.IsValid(_time);

    /// <summary>The server DUID of the current binding, or null.</summary>
    public Duid? Server { get { lock (_gate) return _binding?.Server; } }

    /// <summary>The delegation before and after each change (acquired, renewed, replaced, lost).</summary>
    public event Action<DelegationChange>? DelegationChanged;

    /// <summary>Each state change, as logged.</summary>
    public event Action<Dhcpv6Transition>? Transitioned;

    /// <summary>Begins soliciting (after the random SOL_MAX_DELAY wait, §18.2.1). Does nothing unless Idle.</summary>
    public void Start() => Run(() =>
    {
        if (State == Dhcpv6ClientState.Idle) Transition(Dhcpv6ClientState.Soliciting, "started");
    });

    /// <summary>Stops without releasing (the server keeps the binding; a restart with the same identity gets the
    /// same prefix back). The delegation is dropped: nothing maintains it any more.</summary>
    public void Stop() => Run(() =>
    {
        _binding = null;
        UpdateDelegation("client stopped");
        Transition(Dhcpv6ClientState.Idle, "stopped");
    });

    /// <summary>
    /// Releases the delegation (§18.2.7): stops using it at once ("the client MUST stop using all of the leases being
    /// released before the client begins the Release message exchange"), then sends Release until a Reply arrives or
    /// REL_MAX_RC attempts have gone unanswered, and ends Idle. Without a binding it just goes Idle.
    /// </summary>
    public void Release() => Run(BeginRelease);

    /// <summary><see cref="Release"/>, completing when the Release exchange is over (answered or given up).</summary>
    public Task ReleaseAsync()
    {
        Task done;
        lock (_gate)
        {
            _released ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done = _released.Task;
            BeginRelease();
            Service();
        }
        _events.DeliverPending();
        return done;
    }

    /// <summary>A message read from UDP port 546 on the uplink (the UDP payload). Never throws on its content.</summary>
    public Dhcpv6ReceiveResult OnReceived(ReadOnlySpan<byte> message)
    {
        Dhcpv6ReceiveResult result;
        lock (_gate)
        {
            result = Receive(message);
            Service();
        }
        _events.DeliverPending();
        return result;
    }

    public void Dispose()
    {
        Stop();
        lock (_gate) _disposed = true; // a timer callback already on its way finds the client disposed
        _timer.Dispose();
    }

    private void OnTimer() => Run(static () => { });

    /// <summary>Runs <paramref name="action"/> under the lock, then whatever became due, re-arms the timer, and raises
    /// the events outside the lock.</summary>
    private void Run(Action action)
    {
        lock (_gate)
        {
            action();
            Service();
        }
        _events.DeliverPending();
    }
}
