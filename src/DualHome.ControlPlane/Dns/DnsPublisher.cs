using System.Net;
using DualHome.ControlPlane.Uplinks;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Dns;

/// <summary>
/// Keeps one zone's AAAA records in step with the uplinks (issue 9): a record has its interface id in the prefix of
/// every uplink that is up, and not in the prefix of one that is down; an uplink still starting is left as it is.
/// When no uplink is up nothing is sent — the last address is never removed. Each change makes a new plan that
/// replaces any undelivered one; the plan is written to the outbox before it is sent, and sent until the server
/// confirms it (backoff 1 s doubling to 60 s), so neither a lost packet nor a restart loses an update.
/// </summary>
public sealed class DnsPublisher : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(60);

    private readonly string _zone;
    private readonly IReadOnlyList<(string Name, IPAddress Id)> _records;
    private readonly IReadOnlyList<(string Uplink, IPNetwork Prefix)> _uplinks;
    private readonly IDnsUpdateSender _sender;
    private readonly IOutboxStore _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, UplinkState> _states = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private DnsPlan? _pending, _delivered;
    private long _generation;
    private Task? _loop;

    public DnsPublisher(string zone, IReadOnlyList<(string Name, IPAddress Id)> records,
        IReadOnlyList<(string Uplink, IPNetwork Prefix)> uplinks, IDnsUpdateSender sender, IOutboxStore outbox,
        TimeProvider time, ILogger log)
    {
        (_zone, _records, _uplinks, _sender, _outbox, _time, _log) = (zone, records, uplinks, sender, outbox, time, log);
    }

    /// <summary>Prefixes the site no longer has (renumbered, RFC 9096): their addresses are removed with the next
    /// update, as a dead uplink's are.</summary>
    public IReadOnlyList<IPNetwork> Retired { get; init; } = [];

    public long Delivered { get; private set; }
    public long Failures { get; private set; }
    public DnsPlan? Pending { get { lock (_gate) return _pending; } }

    /// <summary>Sends what the outbox still holds from before a restart, then follows the uplinks.</summary>
    public void Start()
    {
        if (OutboxFormat.Read(_outbox.Load()) is { } left)
        {
            lock (_gate) (_pending, _generation) = (left, left.Generation);
            DnsLog.OutboxResumed(_log, _zone, left.Generation);
        }
        _loop = Task.Run(() => SendLoopAsync(_stop.Token));
        if (Pending is not null) _wake.Release();
    }

    public void OnUplinkChanged(UplinkChange change)
    {
        lock (_gate)
        {
            _states[change.Uplink] = change.NewState;
            if (Plan() is not { } plan || Covers(plan)) return;
            _pending = plan;
            _outbox.Save(OutboxFormat.Write(plan)); // before sending: a restart from here on still delivers it
        }
        _wake.Release();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try { await _loop.ConfigureAwait(false); }
            catch (OperationCanceledException) { } // the pending plan stays in the outbox for the next start
        }
        _stop.Dispose();
        _wake.Dispose();
    }

    /// <summary>Under the lock. Null when no uplink is up: leave DNS as it is (never remove the last address).</summary>
    private DnsPlan? Plan()
    {
        var up = _uplinks.Where(u => State(u.Uplink) == UplinkState.Up).Select(u => u.Prefix).ToList();
        if (up.Count == 0) return null;
        var down = _uplinks.Where(u => State(u.Uplink) == UplinkState.Down).Select(u => u.Prefix).Concat(Retired).ToList();
        var records = _records.Select(r => new RecordPlan(r.Name,
            [.. up.Select(p => Compose(p, r.Id))], [.. down.Select(p => Compose(p, r.Id))])).ToList();
        return new DnsPlan(_generation + 1, records);
    }

    /// <summary>Under the lock; true when the plan's intent is already pending or was the last delivered.</summary>
    private bool Covers(DnsPlan plan)
    {
        if ((_pending ?? _delivered) is { } known && known.SameIntent(plan)) return true;
        _generation = plan.Generation;
        return false;
    }

    private UplinkState? State(string uplink) => _states.TryGetValue(uplink, out var s) ? s : null;

    private async Task SendLoopAsync(CancellationToken stop)
    {
        var retry = FirstRetry;
        while (!stop.IsCancellationRequested)
        {
            if (Pending is not { } plan)
            {
                try { await _wake.WaitAsync(stop).ConfigureAwait(false); } catch (OperationCanceledException) { return; }
                retry = FirstRetry;
                continue;
            }
            while (_wake.Wait(0)) { } // this send covers every wake so far; a plan made during it wakes us again
            bool delivered;
            try { delivered = await TrySendAsync(plan, stop).ConfigureAwait(false); }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; } // stopping mid-send
            if (delivered) { retry = FirstRetry; continue; }
            if (Pending?.Generation != plan.Generation) continue; // superseded while it was out: send the new one now
            try { await WaitAsync(retry, plan.Generation, stop).ConfigureAwait(false); } catch (OperationCanceledException) { return; }
            retry = TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, retry.Ticks * 2));
        }
    }

    /// <summary>A new plan cuts a backoff short: it is sent at once. A wake left over from the plan that failed (its
    /// maker signals after storing it, so the signal can arrive after the send) does not.</summary>
    private async Task WaitAsync(TimeSpan delay, long failed, CancellationToken stop)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var slept = Task.Delay(delay, _time, either.Token);
        while (!slept.IsCompleted)
        {
            var woken = _wake.WaitAsync(either.Token);
            if (await Task.WhenAny(woken, slept).ConfigureAwait(false) == woken && woken.IsCompletedSuccessfully
                && Pending?.Generation != failed)
                break;
        }
        await either.CancelAsync().ConfigureAwait(false);
        stop.ThrowIfCancellationRequested();
    }

    private async Task<bool> TrySendAsync(DnsPlan plan, CancellationToken stop)
    {
        DnsSendResult result;
        try { result = await _sender.SendAsync(plan, stop).ConfigureAwait(false); }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            result = DnsSendResult.Failed(e.Message);
        }
        if (!result.Delivered)
        {
            Failures++;
            DnsLog.SendFailed(_log, _zone, plan.Generation, result.Detail);
            return false;
        }
        Delivered++;
        lock (_gate)
        {
            _delivered = plan;
            if (_pending?.Generation == plan.Generation) { _pending = null; _outbox.Save(null); }
        }
        DnsLog.Delivered(_log, _zone, plan.Generation, Describe(plan));
        return true;
    }

    private static string Describe(DnsPlan plan) => string.Join("; ", plan.Records.Select(r =>
        $"{r.Name}: +{string.Join(",", r.Present)}" + (r.Absent.Count > 0 ? $" -{string.Join(",", r.Absent)}" : "")));

    /// <summary>The prefix's upper 64 bits and the interface id's lower 64 (RFC 4291 §2.5.1).</summary>
    public static IPAddress Compose(IPNetwork prefix, IPAddress interfaceId)
    {
        var bytes = prefix.BaseAddress.GetAddressBytes();
        interfaceId.GetAddressBytes().AsSpan(8, 8).CopyTo(bytes.AsSpan(8));
        return new IPAddress(bytes);
    }
}
