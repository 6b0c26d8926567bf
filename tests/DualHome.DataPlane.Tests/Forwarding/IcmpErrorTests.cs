using DualHome.DataPlane.Forwarding;
using DualHome.DataPlane.Tests.Support;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Icmpv6;
using DualHome.Wire.Ipv6;
using DualHome.Wire.Tests.Support;

namespace DualHome.DataPlane.Tests.Forwarding;

/// <summary>The ICMPv6 errors the forwarder writes: what the host (or remote source) receives, rate limited.</summary>
public class IcmpErrorTests
{
    private readonly byte[] _output = new byte[Icmpv6ErrorBuilder.MaxFrameLength];

    [Fact]
    public void Code5_ToAHostSendingFromADeadPrefix()
    {
        var site = new Site();
        site.SetUp(1, false);
        byte[] frame = Frames.Ipv6(Site.HostB, Site.Server);

        byte[] error = Answer(site, frame, Port.Lan);

        Assert.Equal("00005e005302 00005e005301 86dd".Replace(" ", ""), Hex.Format(error.AsSpan(0, 14))); // back to the host
        AssertIcmp(error, Site.RouterA, Site.HostB, type: 1, code: 5, parameter: 0);
        Assert.Equal(frame.AsSpan(14).ToArray(), error.AsSpan(62).ToArray()); // the whole invoking packet
        Assert.Equal(1, site.Forwarder.IcmpErrors.Sent);
    }

    [Fact]
    public void PacketTooBig_CarriesTheEgressMtu_AndAtMost1280Bytes()
    {
        var site = new Site();
        byte[] frame = Frames.Ipv6(Site.HostB, Site.Server, payloadLength: 1460);

        byte[] error = Answer(site, frame, Port.Lan);

        Assert.Equal(14 + 1280, error.Length);
        AssertIcmp(error, Site.RouterA, Site.HostB, type: 2, code: 0, parameter: Site.WanBMtu);
    }

    [Fact]
    public void TimeExceeded_FromTheInternet_GoesBackToTheGateway()
    {
        var site = new Site();
        byte[] frame = Frames.FromIspA(Site.Server, Site.HostA, hopLimit: 1);

        byte[] error = Answer(site, frame, Site.WanA);

        Assert.Equal(Mac.Parse(Site.GatewayAMac), Mac.Read(error));
        Assert.Equal(Mac.Parse(Site.WanAMac), Mac.Read(error.AsSpan(6)));
        AssertIcmp(error, Site.RouterA, Site.Server, type: 3, code: 0, parameter: 0);
    }

    [Fact]
    public void RateLimit_AppliesAcrossErrors()
    {
        var site = new Site(icmpRate: 10, icmpBurst: 2);
        byte[] frame = Frames.Ipv6(Site.HostA, Site.Server, hopLimit: 1);
        ForwardDecision decision = site.Classify(frame, Port.Lan);

        int[] lengths = [.. Enumerable.Range(0, 3).Select(_ => site.Forwarder.TryWriteIcmpError(frame, Port.Lan, decision, now: 0, _output))];

        Assert.Equal([true, true, false], lengths.Select(length => length > 0));
        Assert.Equal((2, 1), (site.Forwarder.IcmpErrors.Sent, site.Forwarder.IcmpErrors.RateLimited));
        Assert.NotEqual(0, site.Forwarder.TryWriteIcmpError(frame, Port.Lan, decision, now: TimeSpan.TicksPerSecond / 10, _output));
    }

    [Fact]
    public void NoErrorAboutAnError_AndNoTokenSpentOnIt()
    {
        var site = new Site(icmpRate: 10, icmpBurst: 1);
        byte[] unreachable = Frames.Icmpv6(Site.HostA, Site.Server, type: 1, hopLimit: 1); // an error, hop limit 1
        ForwardDecision decision = site.Classify(unreachable, Port.Lan);
        Assert.Equal(ForwardAction.IcmpError, decision.Action);

        Assert.Equal(0, site.Forwarder.TryWriteIcmpError(unreachable, Port.Lan, decision, 0, _output));

        Assert.Equal(1, site.Forwarder.IcmpErrors.Refused(Icmpv6ErrorRefusal.InvokingIsError));
        byte[] probe = Frames.Ipv6(Site.HostA, Site.Server, hopLimit: 1);
        Assert.NotEqual(0, site.Forwarder.TryWriteIcmpError(probe, Port.Lan, site.Classify(probe, Port.Lan), 0, _output));
    }

    [Fact]
    public void OnlyIcmpErrorDecisions_WriteAnything()
    {
        var site = new Site();
        byte[] frame = Frames.Ipv6(Site.HostA, Site.Server);

        Assert.Equal(0, site.Forwarder.TryWriteIcmpError(frame, Port.Lan, site.Classify(frame, Port.Lan), 0, _output));
        Assert.Equal(0, site.Forwarder.IcmpErrors.Sent);
    }

    private byte[] Answer(Site site, byte[] frame, Port ingress)
    {
        ForwardDecision decision = site.Classify(frame, ingress);
        Assert.Equal(ForwardAction.IcmpError, decision.Action);
        int length = site.Forwarder.TryWriteIcmpError(frame, ingress, decision, now: 0, _output);
        Assert.NotEqual(0, length);
        return _output[..length];
    }

    private static void AssertIcmp(byte[] frame, string source, string destination, byte type, byte code, uint parameter)
    {
        Assert.Equal(EthernetReadResult.Ok, EthernetFrame.TryRead(frame, out EthernetFrame ethernet));
        Assert.Equal(Ipv6ReadResult.Ok, Ipv6Header.TryRead(ethernet.Payload, out Ipv6Header ip));
        Assert.Equal(System.Net.IPAddress.Parse(source).GetAddressBytes(), ip.Source.ToArray());
        Assert.Equal(System.Net.IPAddress.Parse(destination).GetAddressBytes(), ip.Destination.ToArray());
        Assert.Equal(IpProtocols.Icmpv6, ip.NextHeader);
        Assert.True(Icmpv6Checksum.Verify(ip.Source, ip.Destination, ip.Payload));
        Assert.Equal((type, code), (ip.Payload[0], ip.Payload[1]));
        Assert.Equal(parameter, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(ip.Payload[4..]));
    }
}
