using DualHome.Wire.Icmpv6;
using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Icmpv6;

/// <summary>RFC 4443 §2.4 (e), one named case per rule; each frame differs from an eligible one in one field.</summary>
public class Icmpv6ErrorEligibilityTests
{
    private const string ToRouter = "00005e005301 00005e005302 86dd";
    private const string Host = "20010db8000a0001 0000000000001234";
    private const string Server = "20010db8ffff0000 0000000000000001";

    public sealed record Case(string Hex, Icmpv6ErrorRefusal Refusal, Icmpv6Error? Error = null);

    private static string Packet(string nextHeader, string payload, string source = Host, string destination = Server, string ethernet = ToRouter)
    {
        int length = Hex.Parse(payload).Length;
        return $"{ethernet} 60000000 {length:x4} {nextHeader} 01 {source} {destination} {payload}";
    }

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["Eligible_Udp"] = new(Packet("11", "9c40 01bb 0008 0000"), Icmpv6ErrorRefusal.None),
        ["Eligible_EchoRequest"] = new(Packet("3a", "80 00 0000 12340001"), Icmpv6ErrorRefusal.None),
        ["Eligible_EchoBehindHopByHop"] = new(Packet("00", "3a 00 0000 00000000 80 00 0000 12340001"), Icmpv6ErrorRefusal.None),
        ["Eligible_UdpNonFirstFragment"] = new(Packet("2c", "11 00 05a8 00000001 00000000"), Icmpv6ErrorRefusal.None),
        ["Eligible_LinkLocalSource"] = new(Packet("11", "9c40 01bb 0008 0000", source: "fe80000000000000 0200 5eff fe00 5302"), Icmpv6ErrorRefusal.None),

        ["TooShortForEthernet"] = new("00005e005301 00005e", Icmpv6ErrorRefusal.Malformed),
        ["NotIpv6"] = new("00005e005301 00005e005302 0800 4500001c", Icmpv6ErrorRefusal.Malformed),
        ["VlanTagged"] = new(Packet("11", "9c40 01bb 0008 0000", ethernet: "00005e005301 00005e005302 8100 0064 86dd"), Icmpv6ErrorRefusal.Malformed),
        ["Version4In86dd"] = new(ToRouter + " 45000054 00000000 4011 0000 c0000201 c6336401 0000000000000000 0000000000000000 0000000000000000", Icmpv6ErrorRefusal.Malformed),
        ["PayloadLengthTooLong"] = new(ToRouter + $" 60000000 0009 11 40 {Host} {Server} 9c40 01bb 0008 0000", Icmpv6ErrorRefusal.Malformed),

        ["InvokingIsDestinationUnreachable"] = new(Packet("3a", "01 04 0000 00000000"), Icmpv6ErrorRefusal.InvokingIsError),
        ["InvokingIsPacketTooBig"] = new(Packet("3a", "02 00 0000 000005dc"), Icmpv6ErrorRefusal.InvokingIsError),
        ["InvokingIsTimeExceeded_BehindDestinationOptions"] = new(Packet("3c", "3a 00 0000 00000000 03 00 0000 00000000"), Icmpv6ErrorRefusal.InvokingIsError),
        ["InvokingIsRedirect"] = new(Packet("3a", "89 00 0000 00000000"), Icmpv6ErrorRefusal.InvokingIsRedirect),
        ["Icmpv6WithoutType"] = new(Packet("3a", ""), Icmpv6ErrorRefusal.UndeterminedIcmpv6Type),
        ["Icmpv6NonFirstFragment"] = new(Packet("2c", "3a 00 05a8 00000001 00000000"), Icmpv6ErrorRefusal.UndeterminedIcmpv6Type),
        ["TruncatedExtensionHeader"] = new(Packet("00", "3a 01 0000 00000000"), Icmpv6ErrorRefusal.UndeterminedIcmpv6Type),

        ["MulticastDestination"] = new(Packet("11", "9c40 01bb 0008 0000", destination: "ff0e0000000000000000000000000101"), Icmpv6ErrorRefusal.MulticastDestination),
        ["MulticastDestination_PacketTooBigAllowed"] = new(Packet("11", "9c40 01bb 0008 0000", destination: "ff0e0000000000000000000000000101", ethernet: "333300000101 00005e005302 86dd"), Icmpv6ErrorRefusal.None, Icmpv6Error.PacketTooBig(1280)),
        ["LinkLayerMulticast"] = new(Packet("11", "9c40 01bb 0008 0000", ethernet: "333300000001 00005e005302 86dd"), Icmpv6ErrorRefusal.LinkLayerMulticast),
        ["LinkLayerBroadcast"] = new(Packet("11", "9c40 01bb 0008 0000", ethernet: "ffffffffffff 00005e005302 86dd"), Icmpv6ErrorRefusal.LinkLayerMulticast),
        ["LinkLayerMulticast_PacketTooBigAllowed"] = new(Packet("11", "9c40 01bb 0008 0000", ethernet: "333300000001 00005e005302 86dd"), Icmpv6ErrorRefusal.None, Icmpv6Error.PacketTooBig(1280)),
        ["UnspecifiedSource"] = new(Packet("11", "9c40 01bb 0008 0000", source: "00000000000000000000000000000000"), Icmpv6ErrorRefusal.SourceNotUnique),
        ["MulticastSource"] = new(Packet("11", "9c40 01bb 0008 0000", source: "ff020000000000000000000000000001"), Icmpv6ErrorRefusal.SourceNotUnique),
        ["LoopbackSource"] = new(Packet("11", "9c40 01bb 0008 0000", source: "00000000000000000000000000000001"), Icmpv6ErrorRefusal.SourceNotUnique),
        ["UnspecifiedSource_EvenForPacketTooBig"] = new(Packet("11", "9c40 01bb 0008 0000", source: "00000000000000000000000000000000"), Icmpv6ErrorRefusal.SourceNotUnique, Icmpv6Error.PacketTooBig(1280)),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Refusal(string name)
    {
        Case c = Cases[name];
        byte[] frame = Hex.Parse(c.Hex);
        Icmpv6Error error = c.Error ?? Icmpv6Error.HopLimitExceeded;
        byte[] buffer = new byte[Icmpv6ErrorBuilder.MaxFrameLength];

        Assert.Equal(c.Refusal, Icmpv6ErrorEligibility.Check(frame, error));
        int length = Icmpv6ErrorBuilder.TryBuild(buffer, frame, error, Icmpv6ErrorBuilderTests.RouterMac, Icmpv6ErrorBuilderTests.RouterAddress, out Icmpv6ErrorRefusal refusal);
        Assert.Equal(c.Refusal, refusal);
        Assert.Equal(c.Refusal == Icmpv6ErrorRefusal.None, length > 0);
        if (length == 0)
            Assert.All(buffer, b => Assert.Equal(0, b)); // nothing written for a refused frame
    }
}
