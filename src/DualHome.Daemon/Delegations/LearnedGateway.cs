using DualHome.Config;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.ControlPlane.Renumbering;
using DualHome.Daemon.Platform;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Delegations;

/// <summary>
/// The gateway of an uplink without a configured <c>Gateway</c>: a raw ICMPv6 socket on the uplink taking only Router
/// Advertisements, feeding a <see cref="GatewayLearner"/> (issue 8). The kernel ignores those RAs itself (the uplink
/// forwards), so routing stays the daemon's. Opening waits for the link like <see cref="DelegatedUplink"/>.
/// </summary>
internal sealed class LearnedGateway : IDisposable, INdLink
{
    private static readonly byte[] RaOnly = [134];
    private readonly Lock _gate = new();
    private readonly Timer _retry;
    private readonly ILogger _log;
    private NdSocketLink? _link;
    private IDisposable? _receiving;
    private bool _disposed;

    public LearnedGateway(UplinkConfig uplink, ILogger log)
    {
        (Uplink, _log) = (uplink, log);
        Learner = new GatewayLearner(uplink.Name, this, TimeProvider.System, log);
        _retry = new Timer(_ => TryStart(), null, Timeout.Infinite, Timeout.Infinite);
    }

    public UplinkConfig Uplink { get; }
    public GatewayLearner Learner { get; }
    public string? Problem { get; private set; }

    public void Start() => TryStart();

    public void Send(ReadOnlySpan<byte> icmpMessage, System.Net.IPAddress destination) =>
        (_link ?? throw new IOException("the uplink's ICMPv6 socket is not open")).Send(icmpMessage, destination);

    private void TryStart()
    {
        lock (_gate)
        {
            if (_disposed || _link is not null) return;
            try
            {
                _link = NdSocketLink.Open(Uplink.Interface, RaOnly);
                _receiving = _link.StartReceiving(Learner);
                Problem = null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (Problem != e.Message) DaemonLog.LearningWaiting(_log, Uplink.Name, "listening for the ISP's Router Advertisements", Uplink.Interface, e.Message);
                Problem = e.Message;
                _retry.Change(DelegatedUplink.RetryInterval, Timeout.InfiniteTimeSpan);
                return;
            }
        }
        Learner.Start();
    }

    public void Dispose()
    {
        lock (_gate) _disposed = true;
        _retry.Dispose();
        Learner.Dispose();
        _receiving?.Dispose(); // closes the socket too
    }
}
