using System.Buffers.Binary;
using DualHome.DataPlane.Prefixes;

namespace DualHome.DataPlane.Tests.Prefixes;

/// <summary>
/// The table against a naive model (a list of prefixes scanned linearly for the longest match), under thousands of
/// seeded random inserts, replaces, removes and lookups — wireguard-go's allowedips_rand_test.go, for IPv6.
/// Prefixes and addresses are drawn near a few bases so that they overlap heavily.
/// </summary>
public class PrefixTableModelTests
{
    private sealed class NaiveModel
    {
        public readonly List<(UInt128 Prefix, int Length, int Value)> Entries = [];

        public int Find(UInt128 prefix, int length) => Entries.FindIndex(e => e.Prefix == prefix && e.Length == length);

        public (int Value, int Length)? Lookup(UInt128 address)
        {
            (int, int)? best = null;
            foreach ((UInt128 prefix, int length, int value) in Entries)
                if (Covers(prefix, length, address) && (best is null || length > best.Value.Item2))
                    best = (value, length);
            return best;
        }

        /// <summary>Compares the top <paramref name="length"/> bits by shifting, not masking as the table does.</summary>
        private static bool Covers(UInt128 prefix, int length, UInt128 address) =>
            length == 0 || prefix >> (128 - length) == address >> (128 - length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomOperations_AgreeWithTheNaiveModel(int seed)
    {
        var random = new Random(seed);
        UInt128[] bases = [.. Enumerable.Range(0, 4).Select(_ => RandomAddress(random))];
        var table = new PrefixTable<int>();
        var model = new NaiveModel();
        for (int step = 0; step < 4000; step++)
        {
            Mutate(random, bases, table, model);
            for (int probe = 0; probe < 4; probe++)
                AssertSameLookup(table, model, Near(random, bases));
        }
        Assert.Equal(model.Entries.Count, table.Count);
        Assert.Equal(model.Entries.Count, table.Entries.Count());
    }

    private static void Mutate(Random random, UInt128[] bases, PrefixTable<int> table, NaiveModel model)
    {
        int length = RandomLength(random);
        UInt128 prefix = Near(random, bases) & Mask(length);
        byte[] bytes = Bytes(Near(random, bases) & ~Mask(length) | prefix); // host bits set: the table must ignore them
        int index = model.Find(prefix, length);
        int value = random.Next();
        switch (random.Next(10))
        {
            case < 5:
                Assert.Equal(index < 0, table.Add(bytes, length, value));
                if (index < 0) model.Entries.Add((prefix, length, value));
                break;
            case < 7:
                Assert.Equal(index >= 0, table.Replace(bytes, length, value));
                if (index >= 0) model.Entries[index] = (prefix, length, value);
                break;
            default:
                Assert.Equal(index >= 0, table.Remove(bytes, length));
                if (index >= 0) model.Entries.RemoveAt(index);
                break;
        }
    }

    private static void AssertSameLookup(PrefixTable<int> table, NaiveModel model, UInt128 address)
    {
        (int Value, int Length)? expected = model.Lookup(address);
        bool found = table.TryLookup(Bytes(address), out int value, out int length);
        Assert.Equal(expected is not null, found);
        if (expected is { } e)
            Assert.Equal((e.Value, e.Length), (value, length));
    }

    /// <summary>Lengths weighted to the ends and the usual boundaries, all 0..128 possible.</summary>
    private static int RandomLength(Random random) => random.Next(6) switch
    {
        0 => 0,
        1 => 128,
        2 => random.Next(2) == 0 ? 48 : 64,
        _ => random.Next(0, 129),
    };

    /// <summary>A base address with a few random bits flipped.</summary>
    private static UInt128 Near(Random random, UInt128[] bases)
    {
        UInt128 address = bases[random.Next(bases.Length)];
        for (int flips = random.Next(0, 4); flips > 0; flips--)
            address ^= UInt128.One << random.Next(128);
        return address;
    }

    private static UInt128 RandomAddress(Random random)
    {
        byte[] bytes = new byte[16];
        random.NextBytes(bytes);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static UInt128 Mask(int length) => length == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - length);

    private static byte[] Bytes(UInt128 value)
    {
        byte[] bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return bytes;
    }
}
