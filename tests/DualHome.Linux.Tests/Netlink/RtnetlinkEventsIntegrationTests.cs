using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Netlink;

/// <summary>
/// <see cref="RtnetlinkEvents"/> against a real kernel: a namespace "dhev-…" with a veth pair "a"/"b" and a reader
/// thread that timestamps every event. Times count from just before <c>ip</c> was spawned, so they include the
/// command's own start-up.
/// </summary>
public sealed class RtnetlinkEventsIntegrationTests : IDisposable
{
    private static readonly TimeSpan CarrierBound = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private static readonly IPAddress Gateway = IPAddress.Parse("fe80::1");

    private readonly TestNetns? _netns;
    private readonly EventReader? _reader;
    private readonly int _index;

    public RtnetlinkEventsIntegrationTests()
    {
        if (!Privileges.IsRoot)
        {
            return;
        }

        _netns = new TestNetns("dhev");
        try
        {
            _netns.AddVethPair("a", "b");
            _index = _netns.Run(() => LinkInfo.Get("a")).Index;
            _reader = new EventReader(_netns.Run(() => RtnetlinkEvents.Open()));
        }
        catch
        {
            Dispose(); // xunit does not dispose a test class whose constructor threw
            throw;
        }
    }

    private TestNetns Netns => _netns!;

    private EventReader Reader => _reader!;

    [Fact]
    public void PeerDown_LosesCarrier_AndPeerUp_RestoresIt_WithinBound()
    {
        Root.Require();

        var down = Reader.After(() => Netns.Ip("link", "set", "dev", "b", "down"), (LinkEvent e) => e.Name == "a" && !e.HasCarrier);
        var up = Reader.After(() => Netns.Ip("link", "set", "dev", "b", "up"), (LinkEvent e) => e.Name == "a" && e.HasCarrier);

        Log($"carrier lost after {down.Elapsed.TotalMilliseconds:0.0} ms, restored after {up.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.Equal(new LinkEvent(_index, "a", HasCarrier: false, IsUp: true, Deleted: false), down.Event);
        Assert.Equal(new LinkEvent(_index, "a", HasCarrier: true, IsUp: true, Deleted: false), up.Event);
        Assert.True(down.Elapsed < CarrierBound, $"carrier loss took {down.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.True(up.Elapsed < CarrierBound, $"carrier return took {up.Elapsed.TotalMilliseconds:0.0} ms");
    }

    [Fact]
    public void DeletedLink_IsReported()
    {
        Root.Require();

        var gone = Reader.After(() => Netns.Ip("link", "del", "dev", "b"), (LinkEvent e) => e.Name == "a" && e.Deleted);

        Assert.False(gone.Event.HasCarrier);
    }

    [Fact]
    public void Neighbor_AddChangeDelete_ArriveAsEvents_AndGetNeighborAgrees()
    {
        Root.Require();
        using var netlink = Netns.Run(Rtnetlink.Open);
        var scoped = new IPAddress(Gateway.GetAddressBytes(), _index);

        var added = Reader.After(
            () => Netns.Ip("-6", "neigh", "add", "fe80::1", "lladdr", "02:00:00:00:00:01", "dev", "a", "nud", "reachable"),
            (NeighborEvent e) => e.Address.Equals(scoped));
        Assert.Equal(new NeighborEvent(_index, scoped, NeighborState.Reachable, PhysicalAddress.Parse("02-00-00-00-00-01"), false),
            added.Event with { RequestedBy = 0 });
        Assert.NotEqual(0u, added.Event.RequestedBy); // ip's request, not the kernel's own detection
        Assert.Equal(added.Event with { RequestedBy = 0 }, netlink.GetNeighbor(_index, Gateway));

        var failed = Reader.After(
            () => Netns.Ip("-6", "neigh", "change", "fe80::1", "lladdr", "02:00:00:00:00:01", "dev", "a", "nud", "failed"),
            (NeighborEvent e) => e.Address.Equals(scoped) && e.State == NeighborState.Failed);
        Assert.False(failed.Event.Deleted);
        Assert.Equal(NeighborState.Failed, netlink.GetNeighbor(_index, Gateway)?.State);

        var deleted = Reader.After(() => Netns.Ip("-6", "neigh", "del", "fe80::1", "dev", "a"), (NeighborEvent e) => e.Address.Equals(scoped) && e.Deleted);
        Assert.Equal(_index, deleted.Event.InterfaceIndex);
        Assert.Null(netlink.GetNeighbor(_index, Gateway));
        Log($"neighbour events after {added.Elapsed.TotalMilliseconds:0.0} / {failed.Elapsed.TotalMilliseconds:0.0} / {deleted.Elapsed.TotalMilliseconds:0.0} ms");
    }

    /// <summary>OpenAddresses: IPv6 address notifications, as the packet-mode ingress drop follows them.</summary>
    [Fact]
    public void Address_AddAndDelete_ArriveAsEvents_OnlyOnTheAddressSubscription()
    {
        Root.Require();
        using var addresses = new EventReader(Netns.Run(RtnetlinkEvents.OpenAddresses));
        var address = IPAddress.Parse("fd00:0:0:7::1");

        var added = addresses.After(() => Netns.Ip("-6", "addr", "add", "fd00:0:0:7::1/64", "dev", "a", "nodad"),
            (AddressEvent e) => e.Address.Address.Equals(address) && !e.Deleted);
        Assert.Equal(_index, added.Event.Address.InterfaceIndex);
        Assert.Equal(64, added.Event.Address.PrefixLength);
        var deleted = addresses.After(() => Netns.Ip("-6", "addr", "del", "fd00:0:0:7::1/64", "dev", "a"),
            (AddressEvent e) => e.Address.Address.Equals(address) && e.Deleted);
        Assert.True(deleted.Event.Deleted);
        Assert.Throws<TimeoutException>(() => Reader.Wait((AddressEvent _) => true, TimeSpan.FromMilliseconds(300)));
    }

    /// <summary>A neighbour nobody owns: the kernel's own detection gives up, and says so as nobody's request.</summary>
    [Fact]
    public void UnansweredResolution_FailsAsTheKernelsVerdict()
    {
        Root.Require();
        Netns.Run(() => Sysctl.Write("/proc/sys/net/ipv6/neigh/a/retrans_time_ms", "50"));
        var nobody = new IPAddress(IPAddress.Parse("fe80::99").GetAddressBytes(), _index);

        var failed = Reader.After(
            () => Shell.TryRun("ip", "netns", "exec", Netns.Name, "ping", "-6", "-c1", "-W1", "-I", "a", "fe80::99"),
            (NeighborEvent e) => e.Address.Equals(nobody) && e.State == NeighborState.Failed);

        Assert.Equal(0u, failed.Event.RequestedBy);
        Assert.Equal(PhysicalAddress.None, failed.Event.LinkLayerAddress);
    }

    /// <summary>A socket nobody reads, with the smallest receive buffer, overruns; it says so once and keeps working.</summary>
    [Fact]
    public void Overrun_IsReportedAsResync_AndEventsFlowAfterwards()
    {
        Root.Require();
        var batch = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(batch, Enumerable.Range(1, 200).Select(i => $"neigh add fe80::1:{i:x} lladdr 02:00:00:00:01:01 dev a nud permanent"));
            using var tiny = new EventReader(Netns.Run(() => RtnetlinkEvents.Open(receiveBufferBytes: 1)), paused: true);
            Netns.Ip("-6", "-batch", batch);
            tiny.Resume();

            tiny.Wait((ResyncNeeded _) => true, Patience);
            // One small event: a burst (a link going down) would overrun this tiny buffer again.
            var after = tiny.After(() => Netns.Ip("-6", "neigh", "add", "fe80::2", "lladdr", "02:00:00:00:00:02", "dev", "a", "nud", "permanent"),
                (NeighborEvent e) => e.State == NeighborState.Permanent && e.Address.Equals(new IPAddress(IPAddress.Parse("fe80::2").GetAddressBytes(), _index)));
            Log($"resync after {tiny.Count} events; a neighbour event after it in {after.Elapsed.TotalMilliseconds:0.0} ms");
        }
        finally
        {
            File.Delete(batch);
        }
    }

    [Fact]
    public void Dispose_WakesABlockedRead()
    {
        Root.Require();
        var reader = new EventReader(Netns.Run(() => RtnetlinkEvents.Open()));
        Thread.Sleep(50); // let the thread block in recv

        var clock = Stopwatch.StartNew();
        reader.Dispose();

        Log($"Dispose returned after {clock.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.True(reader.Finished, "the reader thread still runs");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Dispose took {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _netns?.Dispose();
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    /// <summary>Reads events on its own thread and timestamps them; Dispose stops it.</summary>
    private sealed class EventReader : IDisposable
    {
        private readonly RtnetlinkEvents _events;
        private readonly BlockingCollection<(RtnetlinkEvent Event, long At)> _received = [];
        private readonly ManualResetEventSlim _running;
        private readonly Thread _thread;

        public EventReader(RtnetlinkEvents events, bool paused = false)
        {
            _events = events;
            _running = new ManualResetEventSlim(!paused);
            _thread = new Thread(Read) { IsBackground = true, Name = "rtnetlink events" };
            _thread.Start();
        }

        public int Count { get; private set; }

        public bool Finished => !_thread.IsAlive;

        public void Resume() => _running.Set();

        /// <summary>Runs <paramref name="action"/>, then waits for the first matching event it caused.</summary>
        public (T Event, TimeSpan Elapsed) After<T>(Action action, Func<T, bool> match)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            var (ev, at) = Wait(match, Patience);
            return (ev, Stopwatch.GetElapsedTime(start, at));
        }

        public (T Event, long At) Wait<T>(Func<T, bool> match, TimeSpan within)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
            while (true)
            {
                var left = TimeSpan.FromSeconds(Math.Max(0, deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
                if (!_received.TryTake(out var item, left))
                {
                    throw new TimeoutException($"no matching {typeof(T).Name} within {within.TotalSeconds} s");
                }

                Count++;
                if (item.Event is T ev && match(ev))
                {
                    return (ev, item.At);
                }
            }
        }

        public void Dispose()
        {
            _events.Dispose();
            _running.Set();
            _thread.Join(TimeSpan.FromSeconds(2));
        }

        private void Read()
        {
            _running.Wait();
            while (_events.TryRead(out var ev))
            {
                _received.Add((ev, Stopwatch.GetTimestamp()));
            }
        }
    }
}
