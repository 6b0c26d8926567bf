using System.Net;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Messages;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Renumbering;

/// <summary>
/// The default router of an uplink learnt from the ISP's Router Advertisements (issue 8: when <c>Gateway</c> is not
/// configured), as a host's default router list works (RFC 4861 §6.3.4): each valid RA with a router lifetime adds or
/// refreshes its sender (a link-local address, §6.1.2) until the lifetime runs out; lifetime 0 removes it. The
/// gateway is the router in use while it stays on the list, else the one heard first. Time through the
/// <see cref="TimeProvider"/>; solicitations out through <see cref="INdLink"/> (RFC 4861 §6.3.7: at most 3, 4 s apart).
/// </summary>
public sealed class GatewayLearner : IDisposable, INdReceiver
{
    public const int MaxSolicitations = 3;
    public static readonly TimeSpan SolicitationInterval = TimeSpan.FromSeconds(4);
    private readonly string _uplink;
    private readonly INdLink _link;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private readonly List<(IPAddress Router, DateTimeOffset Until)> _routers = [];
    private int _solicitations;

    public GatewayLearner(string uplink, INdLink link, TimeProvider time, ILogger log)
    {
        (_uplink, _link, _time, _log) = (uplink, link, time, log);
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public IPAddress? Gateway { get; private set; }
    public NdCounters Counters { get; } = new();

    /// <summary>Old and new gateway (null: none), raised outside the lock.</summary>
    public event Action<IPAddress?, IPAddress?>? Changed;

    /// <summary>Sends the first Router Solicitation; the others follow until an RA names a router.</summary>
    public void Start() => OnTimer();

    /// <summary>An ICMPv6 message read on the uplink. Never throws: invalid messages are counted drops.</summary>
    public void OnReceived(ReadOnlySpan<byte> icmp, in NdReceiveContext context)
    {
        if (NdCodec.Read(icmp, context, out var message) is { } reason) { Counters.CountDrop(reason); return; }
        if (message is not Wire.Nd.RouterAdvertisement ra) return;
        Counters.CountForeignAdvertisement(); // for this learner: the ISP's RAs
        var source = context.Source;
        Update(() => Heard(source, ra.RouterLifetime));
    }

    private void Heard(IPAddress router, ushort lifetime)
    {
        _routers.RemoveAll(r => r.Router.Equals(router));
        if (lifetime > 0) _routers.Add((router, _time.GetUtcNow().AddSeconds(lifetime)));
    }

    private void OnTimer() => Update(() =>
    {
        if (Gateway is null && _routers.Count == 0 && _solicitations < MaxSolicitations) Solicit();
    });

    private void Solicit()
    {
        _solicitations++;
        var rs = new RouterSolicitation(null); // no SLLA: the source is a link-local address the ISP resolves by NS
        var bytes = new byte[RouterSolicitationWriter.Measure(rs)];
        RouterSolicitationWriter.Write(rs, bytes);
        try { _link.Send(bytes, Icmpv6AllRouters); Counters.CountSolicitation(); }
        catch (IOException e) { Counters.CountSendError(); RenumberingLog.SolicitFailed(_log, _uplink, e.Message); }
    }

    private static readonly IPAddress Icmpv6AllRouters = IPAddress.Parse("ff02::2");

    /// <summary>Runs <paramref name="change"/> under the lock, expires routers, picks the gateway, re-arms the timer,
    /// and raises <see cref="Changed"/> outside the lock.</summary>
    private void Update(Action change)
    {
        IPAddress? old, now;
        lock (_gate)
        {
            change();
            var t = _time.GetUtcNow();
            _routers.RemoveAll(r => r.Until <= t);
            old = Gateway;
            now = Gateway = _routers.Any(r => r.Router.Equals(old)) ? old : _routers.FirstOrDefault().Router;
            Rearm(t);
        }
        if (Equals(old, now)) return;
        RenumberingLog.GatewayChanged(_log, _uplink, old?.ToString() ?? "none", now?.ToString() ?? "none");
        Changed?.Invoke(old, now);
    }

    private void Rearm(DateTimeOffset now)
    {
        DateTimeOffset? next = _routers.Count > 0 ? _routers.Min(r => r.Until) : null;
        if (Gateway is null && _routers.Count == 0 && _solicitations < MaxSolicitations)
            next = now + SolicitationInterval;
        _timer.Change(next is { } n ? n - now : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _timer.Dispose();
}
