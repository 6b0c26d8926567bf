using System.Net;
using DualHome.Wire.Nd;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>The RA engine of the LAN: sends RAs on the <see cref="RaScheduler"/>'s schedule through one timer,
/// answers solicitations, rebuilds the packet only when its content changes (as OpenBSD rad caches it).</summary>
public sealed class RouterAdvertiser : IAsyncDisposable, INdReceiver
{
    private readonly INdLink _link;
    private readonly RaScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private readonly HashSet<IPAddress> _knownRouters = [];
    private Wire.Nd.RouterAdvertisement? _content;
    private byte[] _packet = [];
    private bool _running;

    public RouterAdvertiser(INdLink link, RaScheduler scheduler, TimeProvider time, ILogger log)
    {
        (_link, _scheduler, _time, _log) = (link, scheduler, time, log);
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public NdCounters Counters { get; } = new();

    /// <summary>A valid RA from another router on the LAN (RFC 4861 §6.2.7), raised outside the engine's lock: the
    /// peer table of issue 10 learns the other exit routers from it.</summary>
    public event Action<IPAddress, Wire.Nd.RouterAdvertisement>? ForeignAdvertisement;
    public Wire.Nd.RouterAdvertisement? Content { get { lock (_gate) return _content; } }

    public void Start(Wire.Nd.RouterAdvertisement content)
    {
        lock (_gate)
        {
            SetContent(content);
            _running = true;
            _scheduler.Start(_time.GetUtcNow());
            RaLog.Started(_log, Describe(content));
            SendDueAndRearm();
        }
    }

    /// <summary>New content is sent at once when it differs from what is advertised; equal content changes nothing.</summary>
    public void Update(Wire.Nd.RouterAdvertisement content)
    {
        lock (_gate)
        {
            if (!SetContent(content) || !_running) return;
            RaLog.ContentChanged(_log, Describe(content), content.RouterLifetime);
            _scheduler.ContentChanged(_time.GetUtcNow());
            SendDueAndRearm();
        }
    }

    /// <summary>A packet read from the LAN's ICMPv6 socket. Never throws: bad packets are counted drops.</summary>
    public void OnReceived(ReadOnlySpan<byte> icmp, in NdReceiveContext context)
    {
        var result = NdCodec.Read(icmp, context, out var message);
        lock (_gate)
        {
            if (result is not null) { Drop(context.Source, result); return; }
            switch (message)
            {
                case RouterSolicitation: OnSolicitation(context.Source); break;
                case Wire.Nd.RouterAdvertisement ra: OnForeignAdvertisement(context.Source, ra); break;
            }
        }
        if (message is Wire.Nd.RouterAdvertisement foreign) ForeignAdvertisement?.Invoke(context.Source, foreign);
    }

    /// <summary>RFC 4861 §6.2.5: leaving, send final RAs with router lifetime 0 so hosts drop this default router.</summary>
    public async Task StopAsync(TimeSpan spacing, CancellationToken cancel = default)
    {
        byte[] final;
        lock (_gate)
        {
            if (!_running || _content is null) return;
            _running = false;
            _scheduler.Stop();
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            final = NdCodec.Write(FinalAdvertisement(_content));
        }
        RaLog.Stopping(_log, RouterConstants.MaxFinalRtrAdvertisements);
        for (int i = 0; i < RouterConstants.MaxFinalRtrAdvertisements; i++)
        {
            if (i > 0) await Task.Delay(spacing, _time, cancel).ConfigureAwait(false);
            Transmit(final, RaSend.AllNodes);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Router lifetime 0 (RFC 4861 §6.2.5) with medium preference (RFC 4191 §2.2), and the resolvers
    /// withdrawn (RFC 8106 §5.1 lifetime 0), as radvd does: hosts must not keep a leaving router's DNS.</summary>
    private static Wire.Nd.RouterAdvertisement FinalAdvertisement(Wire.Nd.RouterAdvertisement content) => content with
    {
        RouterLifetime = 0,
        Preference = RouterPreference.Medium,
        DnsServers = content.DnsServers.Select(d => d with { Lifetime = 0 }).ToList(),
        SearchLists = content.SearchLists.Select(d => d with { Lifetime = 0 }).ToList(),
    };

    private bool SetContent(Wire.Nd.RouterAdvertisement content)
    {
        var packet = NdCodec.Write(content);
        if (_content is not null && packet.AsSpan().SequenceEqual(_packet)) return false;
        (_content, _packet) = (content, packet);
        return true;
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_running) SendDueAndRearm();
        }
    }

    private void SendDueAndRearm()
    {
        var now = _time.GetUtcNow();
        foreach (var send in _scheduler.TakeDue(now))
            Transmit(_packet, send.Destination);
        if (_scheduler.NextDue is { } next)
            _timer.Change(next - now < TimeSpan.Zero ? TimeSpan.Zero : next - now, Timeout.InfiniteTimeSpan);
    }

    private void Transmit(byte[] packet, IPAddress destination)
    {
        try
        {
            _link.Send(packet, destination);
            Counters.CountSent();
            RaLog.Sent(_log, destination);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // A LAN that is down for a moment must not stop the engine; the next RA will try again.
            Counters.CountSendError();
            RaLog.SendFailed(_log, e, destination);
        }
    }

    private void OnSolicitation(IPAddress source)
    {
        Counters.CountSolicitation();
        RaLog.Solicited(_log, source);
        _scheduler.Solicited(_time.GetUtcNow(), source);
        if (_running) SendDueAndRearm();
    }

    /// <summary>RFC 4861 §6.2.7: other routers' RAs are heard and reported, never acted upon.</summary>
    private void OnForeignAdvertisement(IPAddress source, Wire.Nd.RouterAdvertisement ra)
    {
        Counters.CountForeignAdvertisement();
        if (_knownRouters.Count < 64 && _knownRouters.Add(source))
            RaLog.ForeignRouter(_log, source, ra.RouterLifetime);
    }

    /// <summary>Logs the first drop of each reason and then every 1000th: a flood must not fill the flash.</summary>
    private void Drop(IPAddress source, string reason)
    {
        long count = Counters.CountDrop(reason);
        if (count == 1 || count % 1000 == 0)
            RaLog.Dropped(_log, source, reason, count);
    }

    private static string Describe(Wire.Nd.RouterAdvertisement ra) =>
        string.Join(", ", ra.Prefixes.Select(p => $"{p.Prefix} {(p.PreferredLifetime == 0 ? "deprecated" : "preferred")}"));
}
