using System.Buffers.Binary;
using System.Net;
using DualHome.Wire.Icmpv6;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Support.Nd;

namespace DualHome.Wire.Tests.Icmpv6;

public class Icmpv6ChecksumTests
{
    // Linux's own RS, captured by TestData/capture-linux-nd.sh: fe80::200:5eff:fe00:5302 -> ff02::2.
    private static readonly byte[] LinuxRs = Hex.Parse("""
        85 00 1929         # RS, code 0, checksum 0x1929 (as the kernel computed it)
        00000000           # reserved
        01 01 00005e005302 # SLLA
        """);

    [Fact]
    public void Compute_MatchesTheKernel()
    {
        Assert.Equal(0x1929, Icmpv6Checksum.Compute(HostLinkLocal, AllRouters, LinuxRs));
    }

    [Fact]
    public void Compute_IgnoresWhateverTheChecksumFieldHolds()
    {
        byte[] scribbled = (byte[])LinuxRs.Clone();
        scribbled[2] = 0xde;
        scribbled[3] = 0xad;
        Assert.Equal(0x1929, Icmpv6Checksum.Compute(HostLinkLocal, AllRouters, scribbled));
    }

    [Fact]
    public void Verify_AcceptsTheKernelsMessage_AndRejectsAnyFlippedBit()
    {
        Assert.True(Icmpv6Checksum.Verify(HostLinkLocal, AllRouters, LinuxRs));
        for (int bit = 0; bit < LinuxRs.Length * 8; bit++)
        {
            byte[] flipped = (byte[])LinuxRs.Clone();
            flipped[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            Assert.False(Icmpv6Checksum.Verify(HostLinkLocal, AllRouters, flipped), $"bit {bit}");
        }
    }

    [Fact]
    public void Verify_DependsOnThePseudoHeader()
    {
        Assert.False(Icmpv6Checksum.Verify(RouterLinkLocal, AllRouters, LinuxRs));
        Assert.False(Icmpv6Checksum.Verify(HostLinkLocal, AllNodes, LinuxRs));
    }

    [Fact]
    public void Verify_ShorterThanTheHeader_IsFalse()
    {
        Assert.False(Icmpv6Checksum.Verify(HostLinkLocal, AllRouters, [0x85, 0x00, 0x19]));
    }

    [Fact]
    public void Compute_ShorterThanTheHeader_Throws()
    {
        Assert.Throws<ArgumentException>(() => Icmpv6Checksum.Compute(HostLinkLocal, AllRouters, [0x85, 0x00]));
    }

    [Fact]
    public void Compute_RejectsAddressesThatAreNot16Bytes()
    {
        Assert.Throws<ArgumentException>(() => Icmpv6Checksum.Compute(new byte[4], new byte[16], LinuxRs));
        Assert.Throws<ArgumentException>(() => Icmpv6Checksum.Compute(IPAddress.Loopback, AllRouters, LinuxRs));
    }

    [Fact]
    public void Compute_AgreesWithANaiveRfc1071Sum_OnRandomMessages()
    {
        var random = new Random(4443);
        for (int i = 0; i < 2000; i++)
        {
            byte[] source = Bytes(random, 16), destination = Bytes(random, 16);
            byte[] icmp = Bytes(random, random.Next(4, 1600)); // odd lengths included
            Assert.Equal(NaiveChecksum(source, destination, icmp), Icmpv6Checksum.Compute(source, destination, icmp));
        }
    }

    [Fact]
    public void Fill_ThenVerify_OnRandomMessages()
    {
        var random = new Random(8200);
        for (int i = 0; i < 500; i++)
        {
            byte[] source = Bytes(random, 16), destination = Bytes(random, 16);
            byte[] icmp = Bytes(random, random.Next(4, 300));
            Icmpv6Checksum.Fill(icmp, source, destination);
            Assert.True(Icmpv6Checksum.Verify(source, destination, icmp));
        }
    }

    [Fact]
    public void SpanOverloads_DoNotAllocate()
    {
        byte[] source = HostLinkLocal.GetAddressBytes(), destination = AllRouters.GetAddressBytes();
        Icmpv6Checksum.Compute(source, destination, LinuxRs); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Icmpv6Checksum.Compute(source, destination, LinuxRs);
            Icmpv6Checksum.Verify(source, destination, LinuxRs);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static byte[] Bytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>RFC 1071 §4.1 word by word, with the RFC 8200 §8.1 pseudo-header laid out in a buffer.</summary>
    private static ushort NaiveChecksum(byte[] source, byte[] destination, byte[] icmp)
    {
        byte[] all = new byte[40 + icmp.Length + 1];
        source.CopyTo(all, 0);
        destination.CopyTo(all, 16);
        BinaryPrimitives.WriteUInt32BigEndian(all.AsSpan(32), (uint)icmp.Length);
        all[39] = 58;
        icmp.CopyTo(all, 40);
        all[42] = all[43] = 0;
        uint sum = 0;
        for (int i = 0; i + 1 < all.Length; i += 2)
            sum += (uint)(all[i] << 8 | all[i + 1]);
        while (sum > 0xffff)
            sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)~sum;
    }
}
