using DualHome.Wire.Icmpv6;
using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Messages;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Support.Nd;

namespace DualHome.Wire.Tests.Nd;

/// <summary>Property-style: seeded random valid models survive write → read unchanged, and re-encode to the same bytes.</summary>
public class RandomRoundTripTests
{
    private const int Iterations = 500;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RouterAdvertisements(int seed)
    {
        var models = new RandomModels(seed);
        for (int i = 0; i < Iterations; i++)
        {
            RouterAdvertisement ra = models.RouterAdvertisement();
            byte[] bytes = new byte[RaSizing.Measure(ra)];
            Assert.Equal(bytes.Length, RouterAdvertisementWriter.WriteWithChecksum(ra, bytes, RouterLinkLocal, AllNodes));

            Assert.Equal(NdReadResult.Ok, NdReader.TryRead(bytes, Frame(RouterLinkLocal, AllNodes), out RouterAdvertisement? read, out NdOptionFault fault));
            Assert.Equal(NdOptionFault.None, fault);
            Assert.Equal(ra, read);
            AssertReencodes(bytes, buffer => RouterAdvertisementWriter.WriteWithChecksum(read!, buffer, RouterLinkLocal, AllNodes));
        }
    }

    [Fact]
    public void Solicitations_AndNeighborAdvertisements()
    {
        var models = new RandomModels(4861);
        for (int i = 0; i < Iterations; i++)
        {
            RouterSolicitation rs = models.RouterSolicitation();
            Assert.Equal(rs, ReadBack<RouterSolicitation>(buffer => RouterSolicitationWriter.Write(rs, buffer)));
            NeighborSolicitation ns = models.NeighborSolicitation();
            Assert.Equal(ns, ReadBack<NeighborSolicitation>(buffer => NeighborSolicitationWriter.Write(ns, buffer)));
            NeighborAdvertisement na = models.NeighborAdvertisement();
            Assert.Equal(na, ReadBack<NeighborAdvertisement>(buffer => NeighborAdvertisementWriter.Write(na, buffer)));
        }
    }

    /// <summary>Writes (checksum 0, as for a raw socket), then reads with a raw-socket context from link-local to unicast.</summary>
    private static T? ReadBack<T>(SpanWriter write) where T : class
    {
        byte[] buffer = new byte[64];
        byte[] bytes = buffer[..write(buffer)];
        var context = Raw(HostLinkLocal, RouterLinkLocal);
        object? read = bytes[0] switch
        {
            133 => Read<RouterSolicitation>(NdReader.TryRead(bytes, context, out RouterSolicitation? m), m),
            135 => Read<NeighborSolicitation>(NdReader.TryRead(bytes, context, out NeighborSolicitation? m), m),
            _ => Read<NeighborAdvertisement>(NdReader.TryRead(bytes, context, out NeighborAdvertisement? m), m),
        };
        return (T?)read;
    }

    private static object? Read<T>(NdReadResult result, T? message)
    {
        Assert.Equal(NdReadResult.Ok, result);
        return message;
    }

    private static void AssertReencodes(byte[] bytes, SpanWriter write)
    {
        byte[] again = new byte[bytes.Length];
        write(again);
        Assert.Equal(Hex.Format(bytes), Hex.Format(again));
        Assert.True(Icmpv6Checksum.Verify(RouterLinkLocal, AllNodes, again));
    }

    private delegate int SpanWriter(Span<byte> buffer);
}
