using System.Net.Sockets;
using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Dhcpv6.Messages;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>The state machine proper: transitions, the due-work loop, the single timer, sending.</summary>
public sealed partial class Dhcpv6Client
{
    /// <summary>System timers take at most ~49 days; a longer deadline is reached by re-arming.</summary>
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromDays(1);

    private Binding? _binding;
    private Exchange? _exchange;
    /// <summary>Soliciting: the best Advertise so far. Requesting: the server and prefixes to request.</summary>
    private Offer? _offer;
    /// <summary>Releasing: what is being released (the binding itself is already gone).</summary>
    private Offer? _releasing;
    private TimeSpan _solMaxRt = Dhcpv6Timing.SolMaxRt;

    private Moment Now() => new(_clock.Now, _time.GetTimestamp(), _time.GetUtcNow());

    /// <summary>The one place the state changes: logs old → new with the reason, raises <see cref="Transitioned"/>,
    /// and sets up the new state's exchange. The caller's <see cref="Run"/> then arms the timer.</summary>
    private void Transition(Dhcpv6ClientState next, string reason)
    {
        if (next == State)
            return;
        Dhcpv6ClientState old = State;
        State = next;
        Counters.CountTransition();
        Dhcpv6Log.Transition(_log, _options.Uplink, old, next, reason);
        var change = new Dhcpv6Transition(old, next, reason, _time.GetUtcNow());
        _events.Enqueue(() => Transitioned?.Invoke(change));
        Enter(next, Now());
    }

    private void Enter(Dhcpv6ClientState state, Moment now)
    {
        if (state != Dhcpv6ClientState.Requesting)
            _offer = null;
        _exchange = state switch
        {
            Dhcpv6ClientState.Soliciting => NewExchange(Dhcpv6MessageType.Solicit, Dhcpv6Timing.Solicit(_solMaxRt),
                now.Now + RandomDelay(Dhcpv6Timing.SolMaxDelay), null, ClientMessages.SolicitHint(_options)),
            Dhcpv6ClientState.Requesting => NewExchange(Dhcpv6MessageType.Request, Dhcpv6Timing.Request, now.Now,
                _offer!.Server, _offer.ForClientMessage()),
            Dhcpv6ClientState.Renewing => NewExchange(Dhcpv6MessageType.Renew, Dhcpv6Timing.Renew(Until(_binding!.T2At, now)),
                now.Now, _binding.Server, _binding.ForClientMessage()),
            Dhcpv6ClientState.Rebinding => NewExchange(Dhcpv6MessageType.Rebind, Dhcpv6Timing.Rebind(Until(_binding!.LastExpiry, now)),
                now.Now, null, _binding.ForClientMessage()),
            Dhcpv6ClientState.Releasing => NewExchange(Dhcpv6MessageType.Release, Dhcpv6Timing.Release, now.Now,
                _releasing!.Server, _releasing.Prefixes),
            _ => null,
        };
        if (state == Dhcpv6ClientState.Idle)
            CompleteRelease();
    }

    private Exchange NewExchange(Dhcpv6MessageType type, RetransmissionParameters parameters, TimeSpan firstSendAt,
        Duid? server, IReadOnlyList<IaPrefix> prefixes)
    {
        // §15: for Solicit "the first RT MUST be selected to be strictly greater than IRT".
        var timer = new Retransmission(parameters, _random, firstGreaterThanIrt: type == Dhcpv6MessageType.Solicit);
        uint transactionId = (uint)_random.Next(0, (int)Dhcpv6Constants.MaxTransactionId + 1); // §16.1: new per exchange
        return new Exchange(type, transactionId, timer, firstSendAt, server, prefixes);
    }

    /// <summary>An MRD until <paramref name="deadline"/>: 0 (no limit, §15) for an infinite one, never negative.</summary>
    private static TimeSpan Until(TimeSpan deadline, Moment now) =>
        deadline == Moment.Never ? TimeSpan.Zero : deadline > now.Now ? deadline - now.Now : TimeSpan.FromTicks(1);

    private TimeSpan RandomDelay(TimeSpan max) => TimeSpan.FromTicks((long)(_random.NextDouble() * max.Ticks));

    /// <summary>Does everything due now (lease ends, T1, T2, the end of collecting Advertises, transmissions, the end
    /// of an exchange), one step at a time, then arms the timer for the next deadline.</summary>
    private void Service()
    {
        for (int steps = 0; steps < 64 && Step(Now()); steps++)
        {
        }
        Arm();
    }

    private bool Step(Moment now)
    {
        if (ExpireLeases(now))
            return true;
        if (StepState(now))
            return true;
        if (_exchange is null)
            return false;
        if (_exchange.GiveUpAt <= now.Now)
        {
            ExchangeFailed();
            return true;
        }
        if (_exchange.NextSendAt > now.Now)
            return false;
        Send(now);
        return true;
    }

    private bool StepState(Moment now)
    {
        switch (State)
        {
            case Dhcpv6ClientState.Bound when _binding!.T2At <= now.Now:
                Transition(Dhcpv6ClientState.Rebinding, "T2 reached"); // §18.2.5
                return true;
            case Dhcpv6ClientState.Bound when _binding!.T1At <= now.Now:
                Transition(Dhcpv6ClientState.Renewing, "T1 reached"); // §18.2.4
                return true;
            case Dhcpv6ClientState.Renewing when _binding!.T2At <= now.Now:
                Transition(Dhcpv6ClientState.Rebinding, "T2 reached without a Reply to Renew"); // §18.2.4: MRD = until T2
                return true;
            case Dhcpv6ClientState.Soliciting when _offer is not null && _exchange!.FirstRtEndsAt <= now.Now:
                ChooseOffer("first RT over"); // §18.2.1: collect Advertise messages for the first RT, then choose
                return true;
            default:
                return false;
        }
    }

    /// <summary>§18.2.10.1 / issue 8: a prefix is never used past its valid lifetime. With no lease left a bound
    /// client starts over with Solicit.</summary>
    private bool ExpireLeases(Moment now)
    {
        if (_binding is null || _binding.NextExpiry > now.Now)
            return false;
        var expired = _binding.RemoveExpired(now.Now);
        string which = string.Join(", ", expired.Select(l => l.Prefix));
        if (_binding.IsEmpty)
            _binding = null;
        UpdateDelegation($"valid lifetime of {which} ended");
        if (_binding is null && State is Dhcpv6ClientState.Bound or Dhcpv6ClientState.Renewing or Dhcpv6ClientState.Rebinding)
            Transition(Dhcpv6ClientState.Soliciting, $"valid lifetime of {which} ended: no valid delegation");
        return true;
    }

    private void ExchangeFailed()
    {
        int sent = _exchange!.Timer.Transmissions;
        switch (State)
        {
            case Dhcpv6ClientState.Requesting:
                Transition(Dhcpv6ClientState.Soliciting, $"no Reply to {sent} Requests"); // §18.2.2: MRC = REQ_MAX_RC
                break;
            case Dhcpv6ClientState.Renewing:
                Transition(Dhcpv6ClientState.Rebinding, "T2 reached without a Reply to Renew");
                break;
            case Dhcpv6ClientState.Releasing:
                Transition(Dhcpv6ClientState.Idle, $"no Reply to {sent} Releases"); // §18.2.7: MRC = REL_MAX_RC
                break;
            default:
                _binding = null;
                UpdateDelegation("no Reply before the leases expired");
                Transition(Dhcpv6ClientState.Soliciting, $"no Reply to {sent} {_exchange.Type} messages");
                break;
        }
    }

    private void Send(Moment now)
    {
        Exchange exchange = _exchange!;
        byte[] message = Dhcpv6MessageWriter.ToArray(ClientMessages.Build(exchange, _identity, _options, now.Now));
        exchange.Sent(now.Now);
        try
        {
            _transport.Send(message);
            Counters.CountSent(exchange.Type);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            long failures = Counters.CountSendFailure();
            if (IsPowerOfTwo(failures))
                Dhcpv6Log.SendFailed(_log, e, _options.Uplink, exchange.Type, failures);
        }
    }

    private void Arm()
    {
        if (_disposed)
            return;
        TimeSpan next = NextDeadline();
        if (next == Moment.Never)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        TimeSpan due = next - _clock.Now;
        _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due > MaxTimerDue ? MaxTimerDue : due, Timeout.InfiniteTimeSpan);
    }

    private TimeSpan NextDeadline()
    {
        TimeSpan next = _binding?.NextExpiry ?? Moment.Never;
        if (State == Dhcpv6ClientState.Bound)
            next = Min(next, Min(_binding!.T1At, _binding.T2At));
        if (State == Dhcpv6ClientState.Renewing)
            next = Min(next, _binding!.T2At);
        if (State == Dhcpv6ClientState.Soliciting && _offer is not null)
            next = Min(next, _exchange!.FirstRtEndsAt);
        if (_exchange is not null)
            next = Min(next, Min(_exchange.NextSendAt, _exchange.GiveUpAt));
        return next;
    }

    private void BeginRelease()
    {
        if (State == Dhcpv6ClientState.Releasing)
            return;
        if (_binding is null)
        {
            Transition(Dhcpv6ClientState.Idle, "told to release; nothing to release");
            CompleteRelease();
            return;
        }
        _releasing = new Offer(_binding.Server, 0, _binding.ForClientMessage());
        _binding = null;
        UpdateDelegation("released"); // §18.2.7: stop using the leases before sending Release
        Transition(Dhcpv6ClientState.Releasing, "told to release");
    }

    private void CompleteRelease()
    {
        _releasing = null;
        _released?.TrySetResult();
        _released = null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static bool IsPowerOfTwo(long n) => n > 0 && (n & (n - 1)) == 0;
}
