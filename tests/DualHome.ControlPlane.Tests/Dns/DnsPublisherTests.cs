using System.Net;
using DualHome.ControlPlane.Dns;
using DualHome.ControlPlane.Uplinks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.ControlPlane.Tests.Dns;

/// <summary>The DNS updater's decisions: what each uplink change publishes, the last address kept, retries, the
/// outbox across a restart. The sender is a fake; time for the backoff is a fake clock.</summary>
public sealed class DnsPublisherTests : IAsyncDisposable
{
    private static readonly IPNetwork A = IPNetwork.Parse("2001:db8:a:1::/64"), B = IPNetwork.Parse("2001:db8:b:1::/64");
    private static readonly IPAddress WwwA = IPAddress.Parse("2001:db8:a:1::10"), WwwB = IPAddress.Parse("2001:db8:b:1::10");
    private readonly FakeSender _sender = new();
    private readonly MemoryOutbox _outbox = new();
    private readonly FakeTimeProvider _time = new();
    private DnsPublisher? _publisher;

    private DnsPublisher Start()
    {
        _publisher = new DnsPublisher("example.test", [("www", IPAddress.Parse("::10"))], [("a", A), ("b", B)],
            _sender, _outbox, _time, NullLogger.Instance);
        _publisher.Start();
        return _publisher;
    }

    public async ValueTask DisposeAsync()
    {
        if (_publisher is not null) await _publisher.DisposeAsync();
    }

    private static UplinkChange Change(string uplink, UplinkState from, UplinkState to) =>
        new(uplink, from, to, UplinkOverride.Auto, false, to == UplinkState.Up, "test", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Compose_PutsTheInterfaceIdIntoThePrefix() =>
        Assert.Equal(WwwA, DnsPublisher.Compose(A, IPAddress.Parse("::10")));

    [Fact]
    public async Task AfterRenumbering_TheRetiredPrefixAddressIsDeleted_WithTheNewOnePublished()
    {
        var old = IPNetwork.Parse("2001:db8:a:200::/64");
        _publisher = new DnsPublisher("example.test", [("www", IPAddress.Parse("::10"))], [("a", A), ("b", B)],
            _sender, _outbox, _time, NullLogger.Instance) { Retired = [old] };
        _publisher.Start();
        _publisher.OnUplinkChanged(Change("a", UplinkState.Starting, UplinkState.Up));
        var plan = await _sender.NextAsync();
        Assert.Equal([WwwA], plan.Records[0].Present);
        Assert.Equal([IPAddress.Parse("2001:db8:a:200::10")], plan.Records[0].Absent); // RFC 9096: no name points at it
    }

    [Fact]
    public async Task UplinksComingUp_PublishEachAddress()
    {
        var p = Start();
        p.OnUplinkChanged(Change("a", UplinkState.Starting, UplinkState.Up));
        var first = await _sender.NextAsync();
        Assert.Equal([WwwA], first.Records[0].Present);
        Assert.Empty(first.Records[0].Absent);

        p.OnUplinkChanged(Change("b", UplinkState.Starting, UplinkState.Up));
        var second = await _sender.NextAsync();
        Assert.Equal([WwwA, WwwB], second.Records[0].Present);
    }

    [Fact]
    public async Task UplinkDown_AddsTheOtherAndDeletesItsAddress_InOneUpdate_WrittenToTheOutboxFirst()
    {
        var p = await BothUpAsync();
        _sender.Hold = true;
        p.OnUplinkChanged(Change("a", UplinkState.Up, UplinkState.Down));
        var plan = await _sender.NextAsync();

        Assert.Equal([WwwB], plan.Records[0].Present);
        Assert.Equal([WwwA], plan.Records[0].Absent);
        Assert.Equal(plan.Generation, OutboxFormat.Read(_outbox.Content)!.Generation); // saved before it was sent
        _sender.Release();
        await Poll(() => _outbox.Content is null, "the outbox to be cleared after delivery");
    }

    [Fact]
    public async Task EveryUplinkDown_SendsNothing_TheLastAddressStays()
    {
        var p = await BothUpAsync();
        p.OnUplinkChanged(Change("a", UplinkState.Up, UplinkState.Down));
        await _sender.NextAsync();
        p.OnUplinkChanged(Change("b", UplinkState.Up, UplinkState.Down));
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal(3, _sender.Sent.Count);
        Assert.Null(p.Pending);
    }

    [Fact]
    public async Task FailedSend_IsRetriedAfterTheBackoff_UntilConfirmed()
    {
        var p = Start();
        _sender.Results.Enqueue(DnsSendResult.Failed("timeout"));
        p.OnUplinkChanged(Change("a", UplinkState.Starting, UplinkState.Up));
        var first = await _sender.NextAsync();
        await Poll(() => p.Failures == 1, "the failure to be counted");
        Assert.NotNull(_outbox.Content);

        // The backoff timer is armed by the send loop after it counts the failure: keep the fake clock moving
        // until the retry goes out, and check it did not go out before a second had passed.
        Assert.Single(_sender.Sent);
        var failedAt = _time.GetUtcNow();
        var again = await _sender.NextAsync(() => _time.Advance(TimeSpan.FromMilliseconds(250)));
        Assert.True(_time.GetUtcNow() - failedAt >= TimeSpan.FromSeconds(1), "retried before the 1 s backoff");
        Assert.Equal(first.Generation, again.Generation);
        await Poll(() => p.Delivered == 1 && _outbox.Content is null, "delivery and an empty outbox");
    }

    [Fact]
    public async Task PendingPlan_SurvivesARestart_AndIsSentFirst()
    {
        var left = new DnsPlan(7, [new RecordPlan("www", [WwwB], [WwwA])]);
        _outbox.Content = OutboxFormat.Write(left);

        Start();

        var sent = await _sender.NextAsync();
        Assert.Equal(7, sent.Generation);
        Assert.Equal([WwwA], sent.Records[0].Absent);
        await Poll(() => _outbox.Content is null, "the outbox to be cleared");
    }

    [Fact]
    public void DamagedOutbox_IsDropped() => Assert.Null(OutboxFormat.Read("{ not json"));

    private async Task<DnsPublisher> BothUpAsync()
    {
        var p = Start();
        p.OnUplinkChanged(Change("a", UplinkState.Starting, UplinkState.Up));
        await _sender.NextAsync();
        p.OnUplinkChanged(Change("b", UplinkState.Starting, UplinkState.Up));
        await _sender.NextAsync();
        await Poll(() => p.Delivered == 2, "both updates confirmed");
        return p;
    }

    private static async Task Poll(Func<bool> condition, string what)
    {
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); !condition(); await Task.Delay(5))
            if (clock.Elapsed > TimeSpan.FromSeconds(5)) throw new TimeoutException($"waited 5 s for {what}");
    }

    private sealed class FakeSender : IDnsUpdateSender
    {
        private readonly SemaphoreSlim _sent = new(0);
        private TaskCompletionSource _gate = new();
        public List<DnsPlan> Sent { get; } = [];
        public Queue<DnsSendResult> Results { get; } = new();
        public bool Hold { get; set; }

        public async Task<DnsSendResult> SendAsync(DnsPlan plan, CancellationToken cancel)
        {
            lock (Sent) Sent.Add(plan);
            _sent.Release();
            if (Hold) await _gate.Task.WaitAsync(cancel);
            lock (Results) return Results.TryDequeue(out var r) ? r : DnsSendResult.Ok();
        }

        public void Release() { Hold = false; _gate.TrySetResult(); _gate = new(); }

        /// <summary>The next plan sent; <paramref name="meanwhile"/> runs every 20 ms while waiting (moves a fake clock).</summary>
        public async Task<DnsPlan> NextAsync(Action? meanwhile = null)
        {
            for (var clock = System.Diagnostics.Stopwatch.StartNew(); !await _sent.WaitAsync(TimeSpan.FromMilliseconds(20));)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(5)) throw new TimeoutException("no UPDATE was sent");
                meanwhile?.Invoke();
            }
            lock (Sent) return Sent[^1];
        }
    }

    private sealed class MemoryOutbox : IOutboxStore
    {
        public string? Content { get; set; }
        public string? Load() => Content;
        public void Save(string? content) => Content = content;
    }
}
