using System.Net;
using DualHome.DataPlane.Prefixes;

namespace DualHome.DataPlane.Tests.Prefixes;

public class PrefixTableTests
{
    [Fact]
    public void Empty_MatchesNothing()
    {
        var table = new PrefixTable<int>();

        Assert.False(table.TryLookup(Bytes("2001:db8::1"), out _));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void SlashZero_MatchesEverything_AndLosesToAnyLongerPrefix()
    {
        var table = new PrefixTable<string>();
        table.Add(Net("::/0"), "default");
        table.Add(Net("2001:db8::/32"), "doc");

        Assert.Equal(("default", 0), Lookup(table, "::"));
        Assert.Equal(("default", 0), Lookup(table, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        Assert.Equal(("doc", 32), Lookup(table, "2001:db8:ffff::1"));
    }

    [Fact]
    public void Slash128_MatchesOnlyItsAddress()
    {
        var table = new PrefixTable<string>();
        table.Add(Net("2001:db8:a:1::1/128"), "router");
        table.Add(Net("2001:db8:a:1::/64"), "lan");

        Assert.Equal(("router", 128), Lookup(table, "2001:db8:a:1::1"));
        Assert.Equal(("lan", 64), Lookup(table, "2001:db8:a:1::2"));
        Assert.Equal(("lan", 64), Lookup(table, "2001:db8:a:1::"));
    }

    [Fact]
    public void Overlapping_LongestWins_AtEveryBoundary()
    {
        var table = new PrefixTable<int>();
        for (int length = 0; length <= 128; length += 8)
            table.Add(Bytes("2001:db8:a:1:ffff:ffff:ffff:ffff"), length, length); // host bits masked per length

        for (int length = 0; length <= 128; length += 8)
        {
            // Flip the bit just after /length: the match falls back to the longest prefix still covering it.
            byte[] address = Bytes("2001:db8:a:1:ffff:ffff:ffff:ffff");
            if (length < 128)
                address[length / 8] ^= 0x80;
            Assert.True(table.TryLookup(address, out int value, out int matched));
            Assert.Equal(length == 128 ? 128 : length, matched);
            Assert.Equal(matched, value);
        }
    }

    [Fact]
    public void SamePrefix_DifferentLengths_AreDifferentEntries()
    {
        var table = new PrefixTable<string>();
        Assert.True(table.Add(Net("2001:db8::/32"), "32"));
        Assert.True(table.Add(Net("2001:db8::/48"), "48"));
        Assert.Equal(2, table.Count);

        Assert.True(table.Remove(Net("2001:db8::/48")));

        Assert.Equal(("32", 32), Lookup(table, "2001:db8::1"));
        Assert.True(table.TryGetExact(Net("2001:db8::/32"), out _));
        Assert.False(table.TryGetExact(Net("2001:db8::/48"), out _));
    }

    [Fact]
    public void AddReplaceRemove_ReportWhetherTheyChangedAnything()
    {
        var table = new PrefixTable<int>();

        Assert.False(table.Replace(Net("2001:db8:a::/48"), 1));
        Assert.True(table.Add(Net("2001:db8:a::/48"), 0));
        Assert.False(table.Add(Net("2001:db8:a::/48"), 9));
        Assert.True(table.Replace(Net("2001:db8:a::/48"), 1));
        Assert.Equal((1, 48), Lookup(table, "2001:db8:a:1::1"));
        Assert.True(table.Remove(Net("2001:db8:a::/48")));
        Assert.False(table.Remove(Net("2001:db8:a::/48")));
        Assert.Equal(0, table.Count);
        Assert.False(table.TryLookup(Bytes("2001:db8:a:1::1"), out _));
    }

    [Fact]
    public void HostBitsPastTheLength_AreIgnored()
    {
        var table = new PrefixTable<int>();
        table.Add(Bytes("2001:db8:a:1::ffff"), 48, 7);

        Assert.False(table.Add(Bytes("2001:db8:a::"), 48, 8)); // the same prefix
        Assert.Equal((7, 48), Lookup(table, "2001:db8:a:ffff::1"));
        Assert.Equal(Net("2001:db8:a::/48"), table.Entries.Single().Key);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(17)]
    public void Lookup_OfANon16ByteAddress_IsAMiss(int length)
    {
        var table = new PrefixTable<int>();
        table.Add(Net("::/0"), 1);

        Assert.False(table.TryLookup(new byte[length], out _, out int matched));
        Assert.Equal(-1, matched);
    }

    [Fact]
    public void Add_RejectsBadLengthsAndAddresses()
    {
        var table = new PrefixTable<int>();

        Assert.Throws<ArgumentOutOfRangeException>(() => table.Add(new byte[16], 129, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Add(new byte[16], -1, 0));
        Assert.Throws<ArgumentException>(() => table.Add(new byte[4], 0, 0));
        Assert.Throws<ArgumentException>(() => table.Add(Net("192.0.2.0/24"), 0));
    }

    [Fact]
    public void Clone_IsIndependent()
    {
        var table = new PrefixTable<int>();
        table.Add(Net("2001:db8:a::/48"), 0);
        PrefixTable<int> copy = table.Clone();

        copy.Replace(Net("2001:db8:a::/48"), 1);
        copy.Add(Net("2001:db8:b::/48"), 2);

        Assert.Equal((0, 48), Lookup(table, "2001:db8:a::1"));
        Assert.False(table.TryLookup(Bytes("2001:db8:b::1"), out _));
        Assert.Equal((1, 48), Lookup(copy, "2001:db8:a::1"));
    }

    [Fact]
    public void Lookup_DoesNotAllocate()
    {
        var table = new PrefixTable<int>();
        table.Add(Net("2001:db8:a::/48"), 0);
        table.Add(Net("2001:db8:a:1::/64"), 1);
        table.Add(Net("::/0"), 2);
        byte[] hit = Bytes("2001:db8:a:1::1"), miss = Bytes("2001:db8:ffff::1");
        table.TryLookup(hit, out _);

        for (int i = 0; i < 100_000; i++) { table.TryLookup(hit, out _); table.TryLookup(miss, out _, out _); } // warm-up: JIT tiering may allocate
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            table.TryLookup(hit, out _);
            table.TryLookup(miss, out _, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static (T, int) Lookup<T>(PrefixTable<T> table, string address)
    {
        Assert.True(table.TryLookup(Bytes(address), out T value, out int length), address);
        return (value, length);
    }

    private static byte[] Bytes(string address) => IPAddress.Parse(address).GetAddressBytes();

    private static IPNetwork Net(string text) => IPNetwork.Parse(text);

}
