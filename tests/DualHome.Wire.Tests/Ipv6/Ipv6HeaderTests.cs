using DualHome.Wire.Ipv6;
using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Ipv6;

public class Ipv6HeaderTests
{
    // The traceroute probe of TestData/icmpv6-errors.py, without its Ethernet header.
    private const string EchoHopLimit1 = """
        6 00 00000         # version 6, traffic class 0, flow label 0
        000c 3a 01         # payload length 12, next header ICMPv6, hop limit 1
        20010db8000a0001 0000000000001234 # source 2001:db8:a:1::1234
        20010db8ffff0000 0000000000000001 # destination 2001:db8:ffff::1
        80 00 2101 1234 0001 70696e67     # echo request id 0x1234 seq 1 "ping"
        """;

    [Fact]
    public void TryRead_ReadsEveryField()
    {
        byte[] packet = Hex.Parse(EchoHopLimit1);

        Assert.Equal(Ipv6ReadResult.Ok, Ipv6Header.TryRead(packet, out Ipv6Header ip));
        Assert.Equal(6, ip.Version);
        Assert.Equal(12, ip.PayloadLength);
        Assert.Equal(IpProtocols.Icmpv6, ip.NextHeader);
        Assert.Equal(1, ip.HopLimit);
        Assert.Equal("20010db8000a00010000000000001234", Hex.Format(ip.Source));
        Assert.Equal("20010db8ffff00000000000000000001", Hex.Format(ip.Destination));
        Assert.Equal(12, ip.Payload.Length);
        Assert.Equal(packet.Length, ip.Packet.Length);
    }

    [Fact]
    public void TrafficClassAndFlowLabel()
    {
        byte[] packet = Hex.Parse("6 b8 12345 0000 3b 40" + new string('0', 64)); // TC 0xb8 (EF), flow 0x12345

        Assert.Equal(Ipv6ReadResult.Ok, Ipv6Header.TryRead(packet, out Ipv6Header ip));
        Assert.Equal(0xb8, ip.TrafficClass);
        Assert.Equal(0x12345, ip.FlowLabel);
    }

    public sealed record Case(string Hex, bool MayBePadded, Ipv6ReadResult Result);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["Empty"] = new("", false, Ipv6ReadResult.TooShort),
        ["TooShort_39Bytes"] = new(Truncate(EchoHopLimit1, 39), false, Ipv6ReadResult.TooShort),
        ["Version4"] = new("45000054" + Rest(EchoHopLimit1, 4), false, Ipv6ReadResult.BadVersion),
        ["Version0"] = new("0" + Rest(EchoHopLimit1, 0)[1..], false, Ipv6ReadResult.BadVersion),
        ["Version7"] = new("7" + Rest(EchoHopLimit1, 0)[1..], false, Ipv6ReadResult.BadVersion),
        ["PayloadLengthTooLong_ByOne"] = new(Truncate(EchoHopLimit1, 51), false, Ipv6ReadResult.PayloadLengthTooLong),
        ["PayloadLengthTooLong_Max"] = new("60000000 ffff 3b40" + new string('0', 64), false, Ipv6ReadResult.PayloadLengthTooLong),
        ["PayloadLengthTooLong_EvenIfPadded"] = new(Truncate(EchoHopLimit1, 51), true, Ipv6ReadResult.PayloadLengthTooLong),
        ["PayloadLengthTooShort_TrailingByte"] = new(Rest(EchoHopLimit1, 0) + "00", false, Ipv6ReadResult.PayloadLengthTooShort),
        ["Padded_TrailingBytesAllowed"] = new(Rest(EchoHopLimit1, 0) + "000000", true, Ipv6ReadResult.Ok),
        ["Exact"] = new(Rest(EchoHopLimit1, 0), false, Ipv6ReadResult.Ok),
        ["HeaderOnly_NoNextHeader"] = new("60000000 0000 3b40" + new string('0', 64), false, Ipv6ReadResult.Ok),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Reason(string name)
    {
        Case c = Cases[name];

        Ipv6ReadResult result = Ipv6Header.TryRead(Hex.Parse(c.Hex), c.MayBePadded, out Ipv6Header ip);

        Assert.Equal(c.Result, result);
        Assert.Equal(result == Ipv6ReadResult.Ok, ip.Packet.Length >= Ipv6Header.Length); // nothing read on failure
    }

    [Fact]
    public void Padding_IsTrimmedFromPacket()
    {
        byte[] packet = Hex.Parse("60000000 0002 3b40" + new string('0', 64) + "abcd 0000 0000");

        Assert.Equal(Ipv6ReadResult.Ok, Ipv6Header.TryRead(packet, mayBePadded: true, out Ipv6Header ip));
        Assert.Equal(42, ip.Packet.Length);
        Assert.Equal("abcd", Hex.Format(ip.Payload));
    }

    [Fact]
    public void TryDecrementHopLimit_ChangesOnlyTheHopLimit()
    {
        byte[] packet = Hex.Parse(EchoHopLimit1);
        byte[] before = (byte[])packet.Clone();

        Assert.True(Ipv6Header.TryDecrementHopLimit(packet));

        Assert.Equal(0, packet[Ipv6Header.HopLimitOffset]);
        packet[Ipv6Header.HopLimitOffset] = 1;
        Assert.Equal(before, packet);
    }

    [Fact]
    public void TryDecrementHopLimit_RefusesZeroAndShortPackets()
    {
        byte[] packet = Hex.Parse(EchoHopLimit1);
        packet[Ipv6Header.HopLimitOffset] = 0;

        Assert.False(Ipv6Header.TryDecrementHopLimit(packet));
        Assert.Equal(0, packet[Ipv6Header.HopLimitOffset]);
        Assert.False(Ipv6Header.TryDecrementHopLimit(new byte[39]));
    }

    [Fact]
    public void Writer_ProducesWhatTheReaderReads()
    {
        byte[] expected = Hex.Parse(EchoHopLimit1);
        byte[] packet = (byte[])expected.Clone();
        packet.AsSpan(0, 40).Clear();

        Assert.True(Ipv6HeaderWriter.TryWrite(packet, 12, IpProtocols.Icmpv6, 1, expected.AsSpan(8, 16), expected.AsSpan(24, 16)));

        Assert.Equal(Hex.Format(expected), Hex.Format(packet));
    }

    [Fact]
    public void Writer_RefusesBadArguments_WithoutWriting()
    {
        byte[] address = new byte[16], packet = new byte[40];

        Assert.False(Ipv6HeaderWriter.TryWrite(packet.AsSpan(0, 39), 0, 59, 64, address, address));
        Assert.False(Ipv6HeaderWriter.TryWrite(packet, 65536, 59, 64, address, address));
        Assert.False(Ipv6HeaderWriter.TryWrite(packet, -1, 59, 64, address, address));
        Assert.False(Ipv6HeaderWriter.TryWrite(packet, 0, 59, 64, address.AsSpan(1), address));
        Assert.All(packet, b => Assert.Equal(0, b));
    }

    private static string Rest(string annotated, int from) => Hex.Format(Hex.Parse(annotated).AsSpan(from));

    private static string Truncate(string annotated, int length) => Hex.Format(Hex.Parse(annotated).AsSpan(0, length));
}
