using DualHome.Config;
using DualHome.ControlPlane.Dhcpv6;
using DualHome.Daemon.Platform;
using DualHome.Linux;
using DualHome.Wire.Ethernet;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Delegations;

/// <summary>
/// The DHCPv6-PD client of one uplink with its socket (issue 8). The socket needs the uplink's link-local address,
/// which a link that is down or still doing DAD does not have yet: until it opens, it is retried every
/// <see cref="RetryInterval"/> (the uplink stays without a prefix, so down, meanwhile).
/// </summary>
internal sealed class DelegatedUplink : IDisposable
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);
    private readonly ILogger _log;
    private readonly IStateStore _store;
    private readonly Timer _retry;
    private readonly Lock _gate = new();
    private Dhcpv6Socket? _socket;
    private ReceiveThread? _receiving;
    private bool _disposed;

    public DelegatedUplink(UplinkConfig uplink, IStateStore store, ILogger log)
    {
        (Uplink, _store, _log) = (uplink, store, log);
        _retry = new Timer(_ => TryStart(), null, Timeout.Infinite, Timeout.Infinite);
    }

    public UplinkConfig Uplink { get; }
    public Dhcpv6Client? Client { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>The delegation of the running client, or null.</summary>
    public event Action<string, DelegationChange>? Changed;

    public void Start() => TryStart();

    /// <summary>Same interface and hint: the running client serves the new configuration too.</summary>
    public bool Serves(UplinkConfig u) => u.Interface == Uplink.Interface && u.Delegation?.PrefixLengthHint == Uplink.Delegation?.PrefixLengthHint;

    private void TryStart()
    {
        lock (_gate)
        {
            if (_disposed || Client is not null) return;
            try { Open(); Problem = null; }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
            {
                if (Problem != e.Message) DaemonLog.LearningWaiting(_log, Uplink.Name, "DHCPv6 prefix delegation", Uplink.Interface, e.Message);
                Problem = e.Message;
                _retry.Change(RetryInterval, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Open()
    {
        var mac = Mac.Read(LinkInfo.Get(Uplink.Interface).MacAddress.GetAddressBytes());
        // Keyed by interface, as `dualhomed dhcpv6` keys it: both use the same DUID and IAID (RFC 9096 §3.2).
        var identity = ClientIdentity.LoadOrCreate(_store, Uplink.Interface, Uplink.Interface, mac, DuidKind.LinkLayer,
            TimeProvider.System, _log);
        var socket = Dhcpv6Socket.Open(Uplink.Interface);
        var options = new Dhcpv6ClientOptions { Uplink = Uplink.Name, PrefixLengthHint = Uplink.Delegation?.PrefixLengthHint };
        var client = new Dhcpv6Client(options, identity, socket, TimeProvider.System, new Random(), _log);
        client.DelegationChanged += change => Changed?.Invoke(Uplink.Name, change);
        (_socket, Client) = (socket, client);
        _receiving = socket.StartReceiving(client);
        client.Start();
    }

    /// <summary>Stops without Release (RFC 9096 §3.1: a CE router must not release on restart; the ISP keeps the
    /// binding and delegates the same prefix again).</summary>
    public void Dispose()
    {
        lock (_gate) _disposed = true;
        _retry.Dispose();
        Client?.Dispose();
        _receiving?.Dispose();
        _socket?.Dispose();
    }
}
