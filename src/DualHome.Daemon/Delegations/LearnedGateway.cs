using DualHome.Config;
using DualHome.ControlPlane.RouterAdvertisement;
using DualHome.ControlPlane.Renumbering;
using DualHome.Daemon.Platform;
using DualHome.Linux.Icmpv6;
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
    private Icmpv6Socket? _socket;
    private ReceiveThread? _receiving;
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

    public void Send(ReadOnlySpan<byte> icmpMessage, System.Net.IPAddress destination)
    {
        var socket = _socket ?? throw new IOException("the uplink's ICMPv6 socket is not open");
        socket.Send(icmpMessage, destination);
    }

    private void TryStart()
    {
        lock (_gate)
        {
            if (_disposed || _socket is not null) return;
            try
            {
                _socket = Icmpv6Socket.Open(Uplink.Interface, RaOnly);
                var buffer = new byte[1500];
                _receiving = ReceiveThread.Start("ra-learn", _ => ReceiveOnce(buffer), () => { });
                Problem = null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (Problem != e.Message) DaemonLog.DelegationWaiting(_log, Uplink.Name, Uplink.Interface, e.Message);
                Problem = e.Message;
                _retry.Change(DelegatedUplink.RetryInterval, Timeout.InfiniteTimeSpan);
                return;
            }
        }
        Learner.Start();
    }

    private bool ReceiveOnce(byte[] buffer)
    {
        var socket = _socket;
        if (socket is null || !socket.TryReceive(buffer, out var meta, out int length) || meta.Truncated)
            return true; // a timeout lets the loop see the stop request
        Learner.OnReceived(buffer.AsSpan(0, length), new NdReceiveContext(meta.Source, meta.Destination, (byte)Math.Clamp(meta.HopLimit, 0, 255)));
        return true;
    }

    public void Dispose()
    {
        lock (_gate) _disposed = true;
        _retry.Dispose();
        Learner.Dispose();
        _receiving?.Dispose();
        _socket?.Dispose();
    }
}
