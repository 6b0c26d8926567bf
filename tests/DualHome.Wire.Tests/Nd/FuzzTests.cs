using System.Net;
using DualHome.Wire.Icmpv6;
using DualHome.Wire.Nd;
using DualHome.Wire.Nd.Messages;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Support.Nd;

namespace DualHome.Wire.Tests.Nd;

/// <summary>
/// Fuzz-style (after systemd's fuzz-ndisc-rs): 20,000 seeded random and mutated inputs through every reader.
/// Nothing may throw; a dropped message yields no model.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int Inputs = 20_000;
    private static readonly IPAddress[] Addresses =
        [RouterLinkLocal, HostLinkLocal, HostGlobal, IPAddress.IPv6Any, AllNodes, AllRouters, RouterSolicitedNode];

    [Fact]
    public void RandomAndMutatedInputs_NeverThrow()
    {
        var random = new Random(20_000);
        byte[][] seeds = Seeds(random);
        var outcomes = new Dictionary<NdReadResult, int>();
        for (int i = 0; i < Inputs; i++)
        {
            byte[] input = i % 4 == 0 ? RandomBytes(random) : Mutate(random, seeds[random.Next(seeds.Length)]);
            IPAddress source = Pick(random, Addresses), destination = Pick(random, Addresses);
            if (random.Next(2) == 0 && input.Length >= Icmpv6Checksum.HeaderLength)
                Icmpv6Checksum.Fill(input, source, destination); // so that mutations get past the checksum
            byte hopLimit = random.Next(8) == 0 ? (byte)random.Next(256) : NdConstants.HopLimit;
            NdReadResult result = ReadAll(input, new NdPacketContext(hopLimit, source, destination, random.Next(2) == 0));
            outcomes[result] = outcomes.GetValueOrDefault(result) + 1;
        }
        output.WriteLine(Describe(outcomes));
        // The mutations must reach deep: valid messages and most drop reasons all occur.
        Assert.True(outcomes.GetValueOrDefault(NdReadResult.Ok) > 1000, Describe(outcomes));
        Assert.True(outcomes.Count >= 10, Describe(outcomes));
    }

    /// <summary>Runs every entry point; returns the verdict of the one matching the type byte.</summary>
    private static NdReadResult ReadAll(byte[] input, NdPacketContext context)
    {
        NdReadResult validated = NdReader.Validate(input, context);
        NdReadResult rs = NdReader.TryRead(input, context, out RouterSolicitation? a, out _);
        NdReadResult ra = NdReader.TryRead(input, context, out RouterAdvertisement? b, out _);
        NdReadResult ns = NdReader.TryRead(input, context, out NeighborSolicitation? c, out _);
        NdReadResult na = NdReader.TryRead(input, context, out NeighborAdvertisement? d, out _);
        Assert.Equal(rs == NdReadResult.Ok, a is not null);
        Assert.Equal(ra == NdReadResult.Ok, b is not null);
        Assert.Equal(ns == NdReadResult.Ok, c is not null);
        Assert.Equal(na == NdReadResult.Ok, d is not null);
        return validated;
    }

    private static byte[][] Seeds(Random random)
    {
        var models = new RandomModels(random.Next());
        var seeds = new List<byte[]>
        {
            RadvdCaptureTests.Captured, LinuxCaptureTests.Rs, LinuxCaptureTests.Ns, LinuxCaptureTests.DadNs, LinuxCaptureTests.Na,
        };
        for (int i = 0; i < 50; i++)
        {
            RouterAdvertisement ra = models.RouterAdvertisement();
            byte[] bytes = new byte[RaSizing.Measure(ra)];
            RouterAdvertisementWriter.Write(ra, bytes);
            seeds.Add(bytes);
        }
        return seeds.ToArray();
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        byte[] bytes = (byte[])seed.Clone();
        switch (random.Next(6))
        {
            case 0: // flip a few bits
                for (int n = random.Next(1, 4); n > 0; n--)
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                break;
            case 1: // truncate
                return bytes[..random.Next(bytes.Length)];
            case 2: // append junk
                return [.. bytes, .. RandomBytes(random, random.Next(1, 24))];
            case 3: // rewrite an option Length byte or a prefix length, where the walkers and readers look
                bytes[Math.Min(bytes.Length - 1, random.Next(16, Math.Max(17, bytes.Length)))] = (byte)random.Next(256);
                break;
            case 4: // change the type to another ND type
                bytes[0] = (byte)random.Next(133, 137);
                break;
            default: // untouched: checks the valid path
                break;
        }
        return bytes;
    }

    /// <summary>Random bytes whose first byte is mostly an ND type, so that the readers look past it.</summary>
    private static byte[] RandomBytes(Random random)
    {
        byte[] bytes = RandomBytes(random, random.Next(0, 200));
        if (bytes.Length > 0)
            bytes[0] = (byte)random.Next(131, 139);
        return bytes;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Describe(Dictionary<NdReadResult, int> outcomes) =>
        string.Join(", ", outcomes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key.ToStableName()}={kv.Value}"));
}
