using DualHome.ControlPlane.Dhcpv6;
using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Ethernet;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DualHome.ControlPlane.Tests.Dhcpv6;

/// <summary>
/// One client over a <see cref="FakeTimeProvider"/>, a recording transport and a seeded <see cref="Random"/>.
/// FakeTimeProvider runs a timer callback at the time it was advanced to, not at the timer's due time, so time moves
/// in small steps (1 ms by default) and every send is recorded within a step of when it was due.
/// </summary>
internal sealed class ClientHarness : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly ClientIdentity DefaultIdentity = new(Duid.LinkLayer(Mac.Parse("00:00:5e:00:53:02")), 1);

    private readonly long _start;

    public ClientHarness(int seed = 1, Dhcpv6ClientOptions? options = null, ClientIdentity? identity = null)
    {
        _start = Time.GetTimestamp();
        Transport = new RecordingTransport(() => Elapsed);
        Client = new Dhcpv6Client(options ?? new Dhcpv6ClientOptions { Uplink = "isp-a" }, identity ?? DefaultIdentity,
            Transport, Time, new Random(seed), NullLogger.Instance);
        Client.DelegationChanged += Changes.Add;
        Client.Transitioned += Transitions.Add;
    }

    public FakeTimeProvider Time { get; } = new(T0);
    public RecordingTransport Transport { get; }
    public Dhcpv6Client Client { get; }
    public List<DelegationChange> Changes { get; } = [];
    public List<Dhcpv6Transition> Transitions { get; } = [];

    /// <summary>Fake time since the harness was made.</summary>
    public TimeSpan Elapsed => Time.GetElapsedTime(_start);

    public Dhcpv6ClientState State => Client.State;

    public void Advance(TimeSpan by, TimeSpan? step = null)
    {
        TimeSpan end = Elapsed + by, tick = step ?? TimeSpan.FromMilliseconds(1);
        while (Elapsed < end)
            Time.Advance(end - Elapsed < tick ? end - Elapsed : tick);
    }

    public void AdvanceTo(TimeSpan at, TimeSpan? step = null) => Advance(at - Elapsed, step);

    /// <summary>Steps time until the client sends a new message of <paramref name="type"/>; fails after <paramref name="limit"/>.</summary>
    public SentMessage Next(Dhcpv6MessageType type, TimeSpan limit, TimeSpan? step = null)
    {
        int seen = Transport.Sent.Count;
        TimeSpan end = Elapsed + limit, tick = step ?? TimeSpan.FromMilliseconds(1);
        while (true)
        {
            SentMessage? sent = Transport.Sent.Skip(seen).FirstOrDefault(s => s.Type == type);
            if (sent is not null)
                return sent;
            Assert.True(Elapsed < end, $"no {type} within {limit} (state {State}, sent {string.Join(",", Transport.Sent.Skip(seen).Select(s => s.Type))})");
            Time.Advance(tick);
        }
    }

    public Dhcpv6ReceiveResult Deliver(byte[] message) => Client.OnReceived(message);

    /// <summary>Start → Solicit → Advertise → (first RT) → Request → Reply: Bound at the time returned.</summary>
    public TimeSpan Bind(FakeServer? server = null, uint t1 = 900, uint t2 = 1440, uint preferred = 1800, uint valid = 3600)
    {
        server ??= FakeServer.Kea;
        Client.Start();
        SentMessage solicit = Next(Dhcpv6MessageType.Solicit, TimeSpan.FromSeconds(2));
        Assert.Equal(Dhcpv6ReceiveResult.Accepted, Deliver(server.Advertise(solicit.Message)));
        SentMessage request = Next(Dhcpv6MessageType.Request, TimeSpan.FromSeconds(2));
        Assert.Equal(Dhcpv6ReceiveResult.Accepted, Deliver(server.Reply(request.Message, t1, t2, preferred, valid)));
        Assert.Equal(Dhcpv6ClientState.Bound, State);
        return Elapsed;
    }

    public void Dispose() => Client.Dispose();
}
