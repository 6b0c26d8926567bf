using System.Net;
using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Messages;
using static DualHome.Wire.Tests.Support.Nd;

namespace DualHome.Wire.Tests.Nd;

/// <summary>Write → read → the same model, for each message type.</summary>
public class RoundTripTests
{
    [Fact]
    public void RouterAdvertisement()
    {
        var ra = RadvdCaptureTests.Expected with
        {
            Managed = true,
            OtherConfig = true,
            ReachableTimeMs = 30000,
            RetransTimerMs = 1000,
            Routes =
            [
                new RouteInformation(Net("::/0"), RouterPreference.Medium, 600),
                new RouteInformation(Net("2001:db8:1:2:3::/80"), RouterPreference.High, NdConstants.Infinity),
            ],
            SearchLists = [new DnsSearchList(600, ["lan.example", "b.example"]), new DnsSearchList(0, ["old.example"])],
        };
        byte[] buffer = new byte[RaSizing.Measure(ra)];
        RouterAdvertisementWriter.WriteWithChecksum(ra, buffer, RouterLinkLocal, AllNodes);

        Assert.Equal(NdReadResult.Ok, NdReader.TryRead(buffer, Frame(RouterLinkLocal, AllNodes), out RouterAdvertisement? read));
        Assert.Equal(ra, read);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RouterSolicitation(bool withSlla)
    {
        var rs = new RouterSolicitation(withSlla ? HostMac : null);
        IPAddress source = withSlla ? HostLinkLocal : IPAddress.IPv6Any;
        byte[] buffer = new byte[RouterSolicitationWriter.Measure(rs)];
        RouterSolicitationWriter.WriteWithChecksum(rs, buffer, source, AllRouters);

        Assert.Equal(NdReadResult.Ok, NdReader.TryRead(buffer, Frame(source, AllRouters), out RouterSolicitation? read));
        Assert.Equal(rs, read);
    }

    [Fact]
    public void NeighborSolicitation()
    {
        var ns = new NeighborSolicitation(Ip("2001:db8:a:1::1"), RouterMac);
        byte[] buffer = new byte[NeighborSolicitationWriter.Measure(ns)];
        NeighborSolicitationWriter.WriteWithChecksum(ns, buffer, RouterLinkLocal, Ip("ff02::1:ff00:1"));

        Assert.Equal(NdReadResult.Ok, NdReader.TryRead(buffer, Frame(RouterLinkLocal, Ip("ff02::1:ff00:1")), out NeighborSolicitation? read));
        Assert.Equal(ns, read);
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, true, true)]
    [InlineData(true, false, true)]
    [InlineData(false, true, false)]
    public void NeighborAdvertisement(bool router, bool solicited, bool @override)
    {
        var na = new NeighborAdvertisement(router, solicited, @override, Ip("2001:db8:a:1::1"), RouterMac);
        byte[] buffer = new byte[NeighborAdvertisementWriter.Measure(na)];
        NeighborAdvertisementWriter.WriteWithChecksum(na, buffer, RouterLinkLocal, HostLinkLocal);

        Assert.Equal(NdReadResult.Ok, NdReader.TryRead(buffer, Frame(RouterLinkLocal, HostLinkLocal), out NeighborAdvertisement? read));
        Assert.Equal(na, read);
    }

    [Fact]
    public void ModelEquality_ComparesListsByValue()
    {
        RouterAdvertisement copy = RadvdCaptureTests.Expected with
        {
            Prefixes = RadvdCaptureTests.Expected.Prefixes.ToList(),
            DnsServers = [new RecursiveDnsServers(600, [Ip("2001:db8:a:1::53")])],
            SearchLists = [new DnsSearchList(600, ["lan.example"])],
        };
        Assert.Equal(RadvdCaptureTests.Expected, copy);
        Assert.Equal(RadvdCaptureTests.Expected.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(RadvdCaptureTests.Expected, copy with { Prefixes = copy.Prefixes.Reverse().ToList() });
    }
}
