using DualHome.Wire.Ethernet;
using DualHome.Wire.Icmpv6;
using DualHome.Wire.Ipv6;
using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Icmpv6;

/// <summary>
/// Golden frames: every expected frame below is what scapy builds for the same invoking frame
/// (TestData/icmpv6-errors.py), and tcpdump -vv decodes each with "[icmp6 sum ok]".
/// </summary>
public class Icmpv6ErrorBuilderTests
{
    internal static readonly Mac RouterMac = Mac.Parse("00:00:5e:00:53:01");
    internal static readonly byte[] RouterAddress = Hex.Parse("20010db8000a0001 0000000000000001"); // 2001:db8:a:1::1

    /// <summary>A host still sending from ISP B's prefix after B died: UDP to 2001:db8:ffff::1 port 443.</summary>
    internal static readonly byte[] UdpFromDeadPrefix = Hex.Parse("""
        00005e005301 00005e005302 86dd    # to the router, from the host, IPv6
        60000000 0010 11 40               # payload 16, UDP, hop limit 64
        20010db8000b0001 0000000000001234 # source 2001:db8:b:1::1234
        20010db8ffff0000 0000000000000001 # destination 2001:db8:ffff::1
        9c40 01bb 0010 5869               # UDP 40000 -> 443, length 16, checksum
        6475616c686f6d65                  # "dualhome"
        """);

    /// <summary>A traceroute probe: echo request with hop limit 1.</summary>
    internal static readonly byte[] EchoHopLimit1 = Hex.Parse("""
        00005e005301 00005e005302 86dd
        60000000 000c 3a 01               # payload 12, ICMPv6, hop limit 1
        20010db8000a0001 0000000000001234 # source 2001:db8:a:1::1234
        20010db8ffff0000 0000000000000001 # destination 2001:db8:ffff::1
        80 00 2101 1234 0001 70696e67     # echo request, id 0x1234, seq 1, "ping"
        """);

    [Fact]
    public void DestinationUnreachable_Code5_MatchesScapy()
    {
        byte[] expected = Hex.Parse("""
            00005e005302 00005e005301 86dd    # back to the host, from the router
            60000000 0040 3a 40               # payload 64, ICMPv6, hop limit 64
            20010db8000a0001 0000000000000001 # source 2001:db8:a:1::1 (the router)
            20010db8000b0001 0000000000001234 # destination: the invoking source
            01 05 1f93 00000000               # Destination Unreachable, code 5 (RFC 4443 §3.1), checksum, unused
            60000000 0010 11 40               # the whole invoking packet: its IPv6 header,
            20010db8000b0001 0000000000001234
            20010db8ffff0000 0000000000000001
            9c40 01bb 0010 5869               # its UDP header
            6475616c686f6d65                  # and "dualhome"
            """);

        Assert.Equal(Hex.Format(expected), Hex.Format(Build(UdpFromDeadPrefix, Icmpv6Error.SourceAddressFailedPolicy)));
    }

    [Fact]
    public void TimeExceeded_Code0_MatchesScapy()
    {
        byte[] expected = Hex.Parse("""
            00005e005302 00005e005301 86dd
            60000000 003c 3a 40               # payload 60
            20010db8000a0001 0000000000000001 # the router
            20010db8000a0001 0000000000001234 # the prober
            03 00 f504 00000000               # Time Exceeded, hop limit exceeded in transit (RFC 4443 §3.3)
            60000000 000c 3a 01               # the whole probe, hop limit still 1
            20010db8000a0001 0000000000001234
            20010db8ffff0000 0000000000000001
            80 00 2101 1234 0001 70696e67
            """);

        Assert.Equal(Hex.Format(expected), Hex.Format(Build(EchoHopLimit1, Icmpv6Error.HopLimitExceeded)));
    }

    [Fact]
    public void PacketTooBig_QuotesOnly1232Bytes_AndMatchesScapy()
    {
        byte[] invoking = OversizeUdp();
        byte[] expectedHeaders = Hex.Parse("""
            00005e005302 00005e005301 86dd
            60000000 04d8 3a 40               # payload 1240: the error packet is exactly 1280 bytes (RFC 4443 §2.4 c)
            20010db8000a0001 0000000000000001
            20010db8000a0001 0000000000001234
            02 00 b660 000005c8               # Packet Too Big (RFC 4443 §3.2), checksum, MTU 1480
            """);

        byte[] frame = Build(invoking, Icmpv6Error.PacketTooBig(1480));

        Assert.Equal(Icmpv6ErrorBuilder.MaxFrameLength, frame.Length);
        Assert.Equal(Hex.Format(expectedHeaders), Hex.Format(frame.AsSpan(0, 62)));
        Assert.Equal(invoking.AsSpan(14, Icmpv6ErrorBuilder.MaxInvokingLength).ToArray(), frame.AsSpan(62).ToArray());
    }

    [Fact]
    public void BuiltErrors_ParseAndVerify()
    {
        foreach ((byte[] invoking, Icmpv6Error error) in new[]
        {
            (UdpFromDeadPrefix, Icmpv6Error.SourceAddressFailedPolicy),
            (EchoHopLimit1, Icmpv6Error.HopLimitExceeded),
            (OversizeUdp(), Icmpv6Error.PacketTooBig(1280)),
        })
        {
            byte[] frame = Build(invoking, error);
            Assert.Equal(EthernetReadResult.Ok, EthernetFrame.TryRead(frame, out EthernetFrame ethernet));
            Assert.Equal(Ipv6ReadResult.Ok, Ipv6Header.TryRead(ethernet.Payload, out Ipv6Header ip));
            Assert.True(ip.Packet.Length <= Ipv6Header.MinimumMtu);
            Assert.True(Icmpv6Checksum.Verify(ip.Source, ip.Destination, ip.Payload));
            Assert.Equal(error.Type, ip.Payload[0]);
        }
    }

    [Fact]
    public void PaddedInvokingFrame_QuotesThePacketWithoutPadding()
    {
        byte[] padded = [.. Hex.Parse("00005e005301 00005e005302 86dd 60000000 0000 3b 40"), .. EchoHopLimit1.AsSpan(22, 32), 0, 0, 0, 0, 0, 0];

        byte[] frame = Build(padded, Icmpv6Error.HopLimitExceeded);

        Assert.Equal(14 + 40 + 8 + 40, frame.Length);
    }

    [Fact]
    public void PacketTooBig_MayAnswerMulticast()
    {
        byte[] invoking = OversizeUdp();
        Hex.Parse("333300000001").CopyTo(invoking, 0);
        Hex.Parse("ff020000000000000000000000000001").CopyTo(invoking, 38);

        byte[] frame = Build(invoking, Icmpv6Error.PacketTooBig(1280));

        Assert.Equal(RouterMac, Mac.Read(frame.AsSpan(6))); // our own MAC, never the multicast one
    }

    [Fact]
    public void BufferTooSmall_IsRefused_AndNothingIsWritten()
    {
        byte[] buffer = new byte[117]; // the code 5 error needs 118

        int length = Icmpv6ErrorBuilder.TryBuild(buffer, UdpFromDeadPrefix, Icmpv6Error.SourceAddressFailedPolicy, RouterMac, RouterAddress, out Icmpv6ErrorRefusal refusal);

        Assert.Equal(0, length);
        Assert.Equal(Icmpv6ErrorRefusal.BufferTooSmall, refusal);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData("20010db8000a0001000000000000")]     // 14 bytes
    [InlineData("00000000000000000000000000000000")] // ::
    [InlineData("ff020000000000000000000000000001")] // ff02::1
    public void BadRouterAddress_IsRefused(string address)
    {
        byte[] buffer = new byte[Icmpv6ErrorBuilder.MaxFrameLength];

        int length = Icmpv6ErrorBuilder.TryBuild(buffer, EchoHopLimit1, Icmpv6Error.HopLimitExceeded, RouterMac, Hex.Parse(address), out Icmpv6ErrorRefusal refusal);

        Assert.Equal(0, length);
        Assert.Equal(Icmpv6ErrorRefusal.BadRouterAddress, refusal);
    }

    [Fact]
    public void Build_DoesNotAllocate()
    {
        byte[] buffer = new byte[Icmpv6ErrorBuilder.MaxFrameLength], invoking = OversizeUdp();
        Icmpv6ErrorBuilder.TryBuild(buffer, invoking, Icmpv6Error.PacketTooBig(1280), RouterMac, RouterAddress, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            Icmpv6ErrorBuilder.TryBuild(buffer, invoking, Icmpv6Error.PacketTooBig(1280), RouterMac, RouterAddress, out _);
            Icmpv6ErrorBuilder.TryBuild(buffer, UdpFromDeadPrefix, Icmpv6Error.SourceAddressFailedPolicy, RouterMac, RouterAddress, out _);
            Icmpv6ErrorEligibility.Check(EchoHopLimit1, Icmpv6Error.HopLimitExceeded);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void RandomFrames_NeverThrow_AndWhatIsBuiltIsValid()
    {
        var random = new Random(4443);
        byte[] buffer = new byte[Icmpv6ErrorBuilder.MaxFrameLength];
        byte[][] seeds = [UdpFromDeadPrefix, EchoHopLimit1, OversizeUdp()];
        for (int i = 0; i < 20_000; i++)
        {
            byte[] frame = Fuzz.Mutate(random, seeds[i % seeds.Length]);
            Icmpv6Error error = (i % 3) switch { 0 => Icmpv6Error.SourceAddressFailedPolicy, 1 => Icmpv6Error.HopLimitExceeded, _ => Icmpv6Error.PacketTooBig(1280) };
            int length = Icmpv6ErrorBuilder.TryBuild(buffer, frame, error, RouterMac, RouterAddress, out Icmpv6ErrorRefusal refusal);
            Assert.Equal(length == 0, refusal != Icmpv6ErrorRefusal.None);
            if (length > 0)
                AssertValid(buffer.AsSpan(0, length));
        }
    }

    internal static byte[] Build(byte[] invoking, Icmpv6Error error)
    {
        byte[] buffer = new byte[Icmpv6ErrorBuilder.MaxFrameLength];
        int length = Icmpv6ErrorBuilder.TryBuild(buffer, invoking, error, RouterMac, RouterAddress, out Icmpv6ErrorRefusal refusal);
        Assert.Equal(Icmpv6ErrorRefusal.None, refusal);
        return buffer[..length];
    }

    /// <summary>The 1500-byte packet of TestData/icmpv6-errors.py: UDP 40000 -> 9 with payload bytes 0, 1, 2, …</summary>
    internal static byte[] OversizeUdp()
    {
        byte[] headers = Hex.Parse("""
            00005e005301 00005e005302 86dd
            60000000 05b4 11 40               # payload 1460, UDP
            20010db8000a0001 0000000000001234
            20010db8ffff0000 0000000000000001
            9c40 0009 05b4 7e4b               # UDP 40000 -> 9, length 1460, checksum
            """);
        return [.. headers, .. Enumerable.Range(0, 1452).Select(i => (byte)i)];
    }

    private static void AssertValid(ReadOnlySpan<byte> frame)
    {
        Assert.Equal(EthernetReadResult.Ok, EthernetFrame.TryRead(frame, out EthernetFrame ethernet));
        Assert.Equal(Ipv6ReadResult.Ok, Ipv6Header.TryRead(ethernet.Payload, out Ipv6Header ip));
        Assert.InRange(ip.Packet.Length, 48, Ipv6Header.MinimumMtu);
        Assert.True(Icmpv6Checksum.Verify(ip.Source, ip.Destination, ip.Payload));
    }
}
