using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Text.Json;
using DualHome.Linux.Packet;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Packet;

/// <summary>
/// A micro-measure, printed and not asserted: trafgen in G (one CPU) sends 64-byte IPv6/UDP frames to r0
/// in R; a worker thread in this process copies each from r0's RX ring to r1 (rewriting the MACs), by TX
/// ring, sendmmsg or sendto (or only reads and releases it: the receive side's own cost), and the veth peer s0 in S counts what arrives. Each variant runs
/// <see cref="Window"/>, twice, alternating, between two runs of kernel forwarding on the same
/// topology as the yardstick (about 20 s in all). Offloads are off on every interface, as
/// the forwarder would run them. Worker CPU per frame is the steadier figure on a shared machine.
/// </summary>
[Collection(SerialPacketTests.Name)]
public sealed class PacketForwardingMeasure
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    [Fact]
    [Trait("Kind", "Measure")]
    public void RxRingToTx_64ByteFrames_PacketsPerSecond()
    {
        Root.Require();
        Assert.SkipUnless(File.Exists("/usr/sbin/trafgen"), "needs trafgen (apt-get install netsniff-ng)");
        using var topology = new ForwardingTopology();
        Report(topology.MeasureKernel(Window));

        foreach (var mode in new[] { TxMode.Drop, TxMode.Ring, TxMode.Sendmmsg, TxMode.Sendto, TxMode.Ring, TxMode.Sendmmsg, TxMode.Sendto })
        {
            Report(topology.Measure(mode, Window));
        }

        Report(topology.MeasureKernel(Window));
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }

    /// <summary>G(g0) — (r0)R(r1) — (s0)S, all in "dhpkt-" namespaces, deleted on Dispose.</summary>
    private sealed class ForwardingTopology : IDisposable
    {
        private readonly TestNetns _generator = new("dhpkt");
        private readonly TestNetns _router = new("dhpkt");
        private readonly TestNetns _sink = new("dhpkt");

        public ForwardingTopology()
        {
            try
            {
                Connect(_generator, "g0", "r0");
                Connect(_sink, "s0", "r1");
                foreach (var (netns, name) in new[] { (_generator, "g0"), (_router, "r0"), (_router, "r1"), (_sink, "s0") })
                {
                    netns.Run(() => Offloads.Disable(name));
                }
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        /// <summary>
        /// The yardstick: the kernel forwards the same frames (fd00:0:0:1::10 → fd00:0:0:2::20) from r0 to r1,
        /// with a permanent neighbor entry for the sink. Forwarding is on in R only during this run, or
        /// the kernel would forward a second copy of what the packet worker forwards.
        /// </summary>
        public string MeasureKernel(TimeSpan window)
        {
            if (!_router.Ip("-6", "addr", "show", "dev", "r1").Contains("fd00:0:0:2::1"))
            {
                _router.Ip("addr", "add", "fd00:0:0:1::1/64", "dev", "r0", "nodad");
                _router.Ip("addr", "add", "fd00:0:0:2::1/64", "dev", "r1", "nodad");
                _router.Ip("neigh", "replace", "fd00:0:0:2::20", "lladdr", string.Join(":", Mac(_sink, "s0").GetAddressBytes().Select(b => $"{b:x2}")), "dev", "r1", "nud", "permanent");
            }

            _router.Run(() => Sysctl.WriteIpv6Conf("all", "forwarding", "1"));
            try
            {
                var sentBefore = Counter(_generator, "g0", "tx");
                var arrivedBefore = Counter(_sink, "s0", "rx");
                var clock = Stopwatch.StartNew();
                using (Trafgen.Start(_generator.Name, "g0", Mac(_router, "r0"), Mac(_generator, "g0")))
                {
                    Thread.Sleep(window);
                }

                var elapsed = clock.Elapsed.TotalSeconds;
                var sent = Counter(_generator, "g0", "tx") - sentBefore;
                var arrived = Counter(_sink, "s0", "rx") - arrivedBefore;
                return $"kernel forwarding : offered {sent / elapsed / 1000,3:F0} kpps, arrived at sink {arrived / elapsed / 1000,3:F0} kpps ({arrived} of {sent})";
            }
            finally
            {
                _router.Run(() => Sysctl.WriteIpv6Conf("all", "forwarding", "0"));
            }
        }

        public string Measure(TxMode mode, TimeSpan window)
        {
            var r0 = Mac(_router, "r0");
            var r1 = Mac(_router, "r1");
            var s0 = Mac(_sink, "s0");
            using var rx = _router.Run(() => PacketSocket.Open("r0", PacketSocketOptions.Receiver() with { Protocol = PacketProtocol.Ipv6 }));
            using var tx = _router.Run(() => PacketSocket.Open("r1", mode == TxMode.Ring
                ? PacketSocketOptions.Transmitter() with { QdiscBypass = true }
                : new PacketSocketOptions { Protocol = PacketProtocol.None, QdiscBypass = true }));
            using var batch = new PacketBatchSender(tx, ForwardingWorker.Batch);
            var worker = new ForwardingWorker(rx, tx, mode, batch, s0.GetAddressBytes(), r1.GetAddressBytes());
            var sentBefore = Counter(_generator, "g0", "tx");
            var arrivedBefore = Counter(_sink, "s0", "rx");

            var clock = Stopwatch.StartNew();
            using (Trafgen.Start(_generator.Name, "g0", r0, Mac(_generator, "g0")))
            {
                worker.Run(window);
            }

            var elapsed = clock.Elapsed.TotalSeconds;
            var stats = rx.ReadStatistics();
            var sent = Counter(_generator, "g0", "tx") - sentBefore;
            var arrived = Counter(_sink, "s0", "rx") - arrivedBefore;
            return $"RX ring → {mode,-8}: offered {sent / elapsed / 1000,3:F0} kpps, forwarded {worker.Forwarded / window.TotalSeconds / 1000,3:F0} kpps "
                + $"at {worker.CpuSeconds * 1e9 / Math.Max(1, worker.Forwarded),4:F0} ns worker CPU/frame, {worker.Forwarded / (double)Math.Max(1, worker.Passes):F1} frames/pass; "
                + $"ring received {stats.Received}, "
                + $"ring drops {stats.Dropped}, forwarded {worker.Forwarded}, arrived at sink {arrived}, TX full {worker.TxFull}";
        }

        public void Dispose()
        {
            _generator.Dispose();
            _router.Dispose();
            _sink.Dispose();
        }

        private void Connect(TestNetns other, string otherEnd, string routerEnd)
        {
            other.Ip("link", "add", "name", otherEnd, "type", "veth", "peer", "name", routerEnd, "netns", _router.Name);
            other.Ip("link", "set", "dev", otherEnd, "up");
            _router.Ip("link", "set", "dev", routerEnd, "up");
            other.WaitUntilReady(otherEnd);
            _router.WaitUntilReady(routerEnd);
        }

        private static PhysicalAddress Mac(TestNetns netns, string name) => netns.Run(() => LinkInfo.Get(name)).MacAddress;

        private static long Counter(TestNetns netns, string name, string direction)
        {
            using var json = JsonDocument.Parse(netns.Ip("-j", "-s", "link", "show", "dev", name));
            return json.RootElement[0].GetProperty("stats64").GetProperty(direction).GetProperty("packets").GetInt64();
        }
    }
}
