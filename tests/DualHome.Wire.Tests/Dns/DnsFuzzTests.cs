using DualHome.Wire.Dns;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Dns.NsupdateCapture;

namespace DualHome.Wire.Tests.Dns;

/// <summary>
/// Fuzz-style: seeded mutations of named's real answers through the reader and the verifier. Nothing may throw,
/// and no change verifies except in the header ID (which the MAC leaves out, RFC 8945 §4.3.2) and the case of a
/// letter in the TSIG key or algorithm name (the MAC takes them in canonical form, §4.3.3).
/// </summary>
public class DnsFuzzTests(ITestOutputHelper output)
{
    private static readonly (byte[] Request, byte[] Response, TsigKey Key)[] Seeds =
    [
        (AddRequest, AddResponse, Sha256), (DeleteRequest, DeleteResponse, Sha256), (DeleteAgainRequest, DeleteAgainResponse, Sha256),
        (Sha1AddRequest, Sha1AddResponse, Sha1), (Sha512Request, Sha512Response, Sha512),
        (WrongSecretRequest, BadSigResponse, WrongSecret), (UnknownKeyRequest, BadKeyResponse, OtherName),
    ];

    [Fact]
    public void EverySingleBitFlip_IsNeverOk_ExceptIdAndNameCase()
    {
        foreach ((byte[] request, byte[] response, TsigKey key) in Seeds[..5])
        {
            Assert.Equal(DnsReadResult.Ok, DnsResponseReader.TryRead(response, out DnsResponse? parsed));
            TsigRecord tsig = parsed!.Tsig!;
            int namesEnd = tsig.Offset + tsig.KeyNameWire.Length + 10 + tsig.AlgorithmWire.Length;
            for (int bit = 16; bit < response.Length * 8; bit++)
            {
                byte[] flipped = (byte[])response.Clone();
                flipped[bit / 8] ^= (byte)(0x80 >> bit % 8);
                bool caseOnly = bit / 8 >= tsig.Offset && bit / 8 < namesEnd && char.IsAsciiLetter((char)response[bit / 8]) && bit % 8 == 2;
                TsigVerifyResult result = TsigVerifier.Verify(request, flipped, key, SignedAt);
                Assert.True(caseOnly ? result == TsigVerifyResult.Ok : result is not (TsigVerifyResult.Ok or TsigVerifyResult.PeerError), $"bit {bit}: {result}");
            }
        }
    }

    [Fact]
    public void RandomAndMutatedInputs_NeverThrow()
    {
        var random = new Random(8945);
        var outcomes = new Dictionary<string, int>();
        for (int i = 0; i < 20_000; i++)
        {
            (byte[] request, byte[] response, TsigKey key) = Seeds[random.Next(Seeds.Length)];
            byte[] input = Fuzz.Mutate(random, response);
            DnsReadResult read = DnsResponseReader.TryRead(input, out DnsResponse? parsed);
            Assert.Equal(read == DnsReadResult.Ok, parsed is not null);
            string outcome = read == DnsReadResult.Ok ? TsigVerifier.Verify(request, input, key, SignedAt).ToStableName() : read.ToStableName();
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        string summary = string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"));
        output.WriteLine(summary);
        Assert.True(outcomes.Count >= 8, summary); // the mutations reach past the header into names, RRs and the TSIG
    }
}
