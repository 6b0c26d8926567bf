using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Dhcpv6.Messages;
using DualHome.Wire.Tests.Support;

namespace DualHome.Wire.Tests.Dhcpv6;

/// <summary>
/// Fuzz-style (after systemd's fuzz-dhcp6-client): 20,000 seeded random and mutated messages through the reader.
/// Nothing may throw; a dropped message yields no model; whatever reads also writes and reads back the same.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int Inputs = 20_000;

    private static readonly byte[][] Seeds =
    [
        KeaCaptures.Advertise, KeaCaptures.ReplyToRequest, KeaCaptures.AdvertiseNoPrefixAvail, KeaCaptures.ReplyToRelease,
        KeaCaptures.ReplyNoBinding, WideCaptures.Solicit, WideCaptures.Request, WideCaptures.Rebind, WideCaptures.Release,
    ];

    [Fact]
    public void RandomAndMutatedInputs_NeverThrow()
    {
        var random = new Random(8415);
        var outcomes = new Dictionary<Dhcpv6ReadResult, int>();
        for (int i = 0; i < Inputs; i++)
        {
            byte[] input = Fuzz.Mutate(random, Seeds[random.Next(Seeds.Length)]);
            Dhcpv6ReadResult result = Dhcpv6MessageReader.TryRead(input, out Dhcpv6Message? message, out _);
            outcomes[result] = outcomes.GetValueOrDefault(result) + 1;
            Assert.Equal(result == Dhcpv6ReadResult.Ok, message is not null);
            if (message is not null && message.Type <= Dhcpv6MessageType.InformationRequest)
                Assert.Equal(message, Dh6.Read(Dh6.Write(message)));
        }
        string summary = string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key.ToStableName()} {o.Value}"));
        output.WriteLine(summary);
        Assert.True(outcomes.GetValueOrDefault(Dhcpv6ReadResult.Ok) > 1000, summary);
        Assert.True(outcomes.Count >= 7, summary);
    }
}
