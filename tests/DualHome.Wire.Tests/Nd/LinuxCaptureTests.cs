using DualHome.Wire.Icmpv6;
using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Messages;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Support.Nd;

namespace DualHome.Wire.Tests.Nd;

/// <summary>
/// ND messages the Linux 6.x kernel sent on a veth pair, captured with
/// tests/DualHome.Wire.Tests/TestData/capture-linux-nd.sh (namespaces dhwire-lrtr / dhwire-lhost, tcpdump -xx on r0).
/// Where our writer can express the message, it must produce the kernel's bytes, checksum included.
/// </summary>
public class LinuxCaptureTests
{
    // h0 came up: fe80::200:5eff:fe00:5302 > ff02::2, hlim 255.
    internal static readonly byte[] Rs = Hex.Parse("""
        85 00 1929         # RS, code 0, checksum
        00000000           # reserved
        01 01 00005e005302 # SLLA
        """);

    // ping to the router's link-local: fe80::200:5eff:fe00:5302 > ff02::1:ff00:5301, hlim 255.
    internal static readonly byte[] Ns = Hex.Parse("""
        87 00 1495                          # NS, code 0, checksum
        00000000                            # reserved
        fe800000 00000000 02005eff fe005301 # target
        01 01 00005e005302                  # SLLA
        """);

    // DAD for the router's link-local: :: > ff02::1:ff00:5301, hlim 255.
    internal static readonly byte[] DadNs = Hex.Parse("""
        87 00 f613                          # NS, code 0, checksum
        00000000                            # reserved
        fe800000 00000000 02005eff fe005301 # target: the tentative address
        0e 01 b74a2c288f94                  # Nonce option (type 14, RFC 7527 §4.1): unknown to us, skipped
        """);

    // The router's answer (forwarding on, so R is set): fe80::...5301 > fe80::...5302, hlim 255.
    internal static readonly byte[] Na = Hex.Parse("""
        88 00 d318                          # NA, code 0, checksum
        e0 000000                           # R=1 S=1 O=1
        fe800000 00000000 02005eff fe005301 # target
        02 01 00005e005301                  # TLLA
        """);

    [Fact]
    public void RouterSolicitation_ReadsAndIsRewrittenIdentically()
    {
        Assert.Equal(NdReadResult.Ok, NdReader.TryRead(Rs, Frame(HostLinkLocal, AllRouters), out RouterSolicitation? rs));
        Assert.Equal(new RouterSolicitation(HostMac), rs);
        AssertRewritten(Rs, buffer => RouterSolicitationWriter.WriteWithChecksum(rs!, buffer, HostLinkLocal, AllRouters));
    }

    [Fact]
    public void NeighborSolicitation_ReadsAndIsRewrittenIdentically()
    {
        Assert.Equal(NdReadResult.Ok, NdReader.TryRead(Ns, Frame(HostLinkLocal, RouterSolicitedNode), out NeighborSolicitation? ns));
        Assert.Equal(new NeighborSolicitation(RouterLinkLocal, HostMac), ns);
        AssertRewritten(Ns, buffer => NeighborSolicitationWriter.WriteWithChecksum(ns!, buffer, HostLinkLocal, RouterSolicitedNode));
    }

    [Fact]
    public void DuplicateAddressDetection_FromUnspecified_IsValid()
    {
        NdReadResult result = NdReader.TryRead(DadNs, Frame(IPAddressAny, RouterSolicitedNode), out NeighborSolicitation? ns, out NdOptionFault ignored);

        Assert.Equal(NdReadResult.Ok, result);
        Assert.Equal(NdOptionFault.None, ignored);
        Assert.Equal(new NeighborSolicitation(RouterLinkLocal, null), ns);
    }

    [Fact]
    public void NeighborAdvertisement_ReadsAndIsRewrittenIdentically()
    {
        Assert.Equal(NdReadResult.Ok, NdReader.TryRead(Na, Frame(RouterLinkLocal, HostLinkLocal), out NeighborAdvertisement? na));
        Assert.Equal(new NeighborAdvertisement(true, true, true, RouterLinkLocal, RouterMac), na);
        AssertRewritten(Na, buffer => NeighborAdvertisementWriter.WriteWithChecksum(na!, buffer, RouterLinkLocal, HostLinkLocal));
    }

    [Fact]
    public void Checksums_VerifyOnlyWithTheCapturedAddresses()
    {
        Assert.True(Icmpv6Checksum.Verify(IPAddressAny, RouterSolicitedNode, DadNs));
        Assert.False(Icmpv6Checksum.Verify(HostLinkLocal, RouterSolicitedNode, DadNs));
    }

    private static System.Net.IPAddress IPAddressAny => System.Net.IPAddress.IPv6Any;

    private static void AssertRewritten(byte[] captured, SpanWriter write)
    {
        byte[] buffer = new byte[captured.Length];
        Assert.Equal(captured.Length, write(buffer));
        Assert.Equal(Hex.Format(captured), Hex.Format(buffer));
    }

    private delegate int SpanWriter(Span<byte> buffer);
}
