using System.Net;
using DualHome.Wire.Peers;
using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Peers;

public sealed class PeerHeartbeatTests
{
    private static readonly byte[] Golden = Hex.Parse("""
        44486862                          # "DHhb"
        01 00 0064                        # version 1, flags 0, interval 100 ms
        0000002a                          # sequence 42
        02 000000                         # 2 prefixes, reserved
        20010db8000a00010000000000000001  # 2001:db8:a:1::1
        40 01                             # /64, preferred
        20010db8000b00010000000000000001  # 2001:db8:b:1::1
        40 00                             # /64, not preferred (its ISP is down)
        """);

    private static readonly PeerHeartbeat Sample = new(100, 42,
    [
        new HeartbeatPrefix(IPAddress.Parse("2001:db8:a:1::1"), 64, true),
        new HeartbeatPrefix(IPAddress.Parse("2001:db8:b:1::1"), 64, false),
    ]);

    [Fact]
    public void Write_matches_the_golden_bytes()
    {
        var buffer = new byte[PeerHeartbeat.MaxLength];
        int length = Sample.Write(buffer);
        Assert.Equal(Hex.Format(Golden), Hex.Format(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void Read_gives_back_what_was_written()
    {
        Assert.Equal(HeartbeatReadResult.Ok, PeerHeartbeat.TryRead(Golden, out var read));
        Assert.Equal(100, read!.IntervalMs);
        Assert.Equal(42u, read.Sequence);
        Assert.Equal(Sample.Prefixes, read.Prefixes);
        Assert.Equal(IPNetwork.Parse("2001:db8:a:1::/64"), read.Prefixes[0].Prefix);
    }

    [Fact]
    public void Every_truncation_is_refused_without_throwing()
    {
        for (int n = 0; n < Golden.Length; n++)
            Assert.NotEqual(HeartbeatReadResult.Ok, PeerHeartbeat.TryRead(Golden.AsSpan(0, n), out _));
    }

    [Theory]
    [InlineData(0, 0x45, HeartbeatReadResult.NotAHeartbeat)]
    [InlineData(4, 0x02, HeartbeatReadResult.UnknownVersion)]
    [InlineData(12, 0x09, HeartbeatReadResult.TooManyPrefixes)]
    [InlineData(12, 0x01, HeartbeatReadResult.BadLength)]
    [InlineData(32, 0x00, HeartbeatReadResult.BadPrefix)]
    [InlineData(32, 0x81, HeartbeatReadResult.BadPrefix)]
    public void Damaged_fields_are_named(int offset, byte value, HeartbeatReadResult expected)
    {
        var damaged = (byte[])Golden.Clone();
        damaged[offset] = value;
        Assert.Equal(expected, PeerHeartbeat.TryRead(damaged, out var read));
        Assert.Null(read);
    }

    [Fact]
    public void Random_bytes_never_throw_and_what_is_accepted_is_sane()
    {
        var random = new Random(10);
        int accepted = 0;
        var buffer = new byte[PeerHeartbeat.MaxLength + 4];
        for (int i = 0; i < 20_000; i++)
        {
            random.NextBytes(buffer);
            "DHhb\x01"u8.CopyTo(buffer);
            buffer[12] = (byte)random.Next(10);
            if (PeerHeartbeat.TryRead(buffer.AsSpan(0, random.Next(buffer.Length)), out var read) != HeartbeatReadResult.Ok) continue;
            accepted++;
            Assert.InRange(read!.Prefixes.Count, 0, PeerHeartbeat.MaxPrefixes);
            Assert.All(read.Prefixes, p => Assert.InRange(p.PrefixLength, 1, 128));
        }
        Assert.True(accepted > 0, "no random heartbeat was well formed: the test exercised only refusals");
    }
}
