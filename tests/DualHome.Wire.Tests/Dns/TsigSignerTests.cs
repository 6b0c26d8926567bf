using System.Buffers.Binary;
using System.Net;
using DualHome.Wire.Dns;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Dns.NsupdateCapture;

namespace DualHome.Wire.Tests.Dns;

/// <summary>The signer's refusals (clock guard first), sign → verify round trips, and the key's secrecy.</summary>
public class TsigSignerTests
{
    private static readonly DnsUpdateMessage Add = new(0xb6b1, Zone, [], [DnsUpdateOperation.AddAaaa(Www, 300, IPAddress.Parse("2001:db8:a:1::10"))]);

    private static (byte[] Buffer, int Length) Written(int spare = 200)
    {
        byte[] buffer = new byte[DnsUpdateWriter.Measure(Add) + spare];
        return (buffer, DnsUpdateWriter.Write(Add, buffer));
    }

    [Theory]
    [InlineData("1970-01-01T00:00:00Z")]          // a board without RTC, just booted
    [InlineData("2000-01-01T00:00:00Z")]          // a common RTC reset value
    [InlineData("2024-12-31T23:59:59Z")]          // one second short of the plausible
    public void ClockObviouslyUnset_RefusesToSign_AndLeavesTheBufferAlone(string now)
    {
        (byte[] buffer, int length) = Written();
        byte[] before = (byte[])buffer.Clone();
        DateTimeOffset clock = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);

        TsigSignResult result = TsigSigner.TrySign(buffer, length, Sha256, clock, out int signed);

        Assert.Equal(TsigSignResult.ClockUnset, result);
        Assert.Equal(0, signed);
        Assert.Equal(before, buffer);
        Assert.Equal($"refusing to sign: the clock reads {now}, before 2025-01-01, so it is not set yet (no RTC; waiting for NTP)", result.Describe(clock));
    }

    [Fact]
    public void FirstPlausibleSecond_Signs()
    {
        (byte[] buffer, int length) = Written();
        Assert.Equal(TsigSignResult.Ok, TsigSigner.TrySign(buffer, length, Sha256, TsigClock.EarliestPlausible, out _));
    }

    [Fact]
    public void BufferOneOctetShort_IsRefused_Untouched()
    {
        (byte[] buffer, int length) = Written(spare: TsigSigner.Measure(Sha256) - 1);
        byte[] before = (byte[])buffer.Clone();

        Assert.Equal(TsigSignResult.BufferTooSmall, TsigSigner.TrySign(buffer, length, Sha256, SignedAt, out _));
        Assert.Equal(before, buffer);
    }

    [Fact]
    public void ExactBuffer_Signs()
    {
        (byte[] buffer, int length) = Written(spare: TsigSigner.Measure(Sha256));
        Assert.Equal(TsigSignResult.Ok, TsigSigner.TrySign(buffer, length, Sha256, SignedAt, out int signed));
        Assert.Equal(buffer.Length, signed);
    }

    [Theory]
    [InlineData(11)] // shorter than a header
    [InlineData(-1)]
    [InlineData(1000)] // longer than the buffer
    public void NotAMessage_IsRefused(int length)
    {
        Assert.Equal(TsigSignResult.BadMessage, TsigSigner.TrySign(new byte[512], length, Sha256, SignedAt, out _));
    }

    [Fact]
    public void FullAdditionalSection_IsRefused()
    {
        (byte[] buffer, int length) = Written();
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(DnsHeader.AdditionalCountOffset), ushort.MaxValue);
        Assert.Equal(TsigSignResult.BadMessage, TsigSigner.TrySign(buffer, length, Sha256, SignedAt, out _));
    }

    [Theory]
    [InlineData(TsigAlgorithm.HmacSha256, 32)]
    [InlineData(TsigAlgorithm.HmacSha1, 20)]
    [InlineData(TsigAlgorithm.HmacSha384, 48)]
    [InlineData(TsigAlgorithm.HmacSha512, 64)]
    public void SignThenAnswerThenVerify_RoundTrips(TsigAlgorithm algorithm, int macLength)
    {
        var key = new TsigKey("Round.Trip.", algorithm, "not a real secret"u8);
        (byte[] request, int length) = Written();
        Assert.Equal(TsigSignResult.Ok, TsigSigner.TrySign(request, length, key, SignedAt, out int signed));
        request = request[..signed];
        Assert.Equal(DnsReadResult.Ok, DnsResponseReader.Read(request, requireResponse: false, out DnsResponse? parsed));
        Assert.Equal(("round.trip", algorithm.Name(), macLength, 1), (parsed!.Tsig!.KeyName, parsed.Tsig.AlgorithmName, parsed.Tsig.Mac.Length, (int)parsed.Header.AdditionalCount));

        byte[] response = Answer(request, key, parsed.Tsig.Mac.ToArray());

        Assert.Equal(TsigVerifyResult.Ok, TsigVerifier.Verify(request, response, key, SignedAt.AddSeconds(2)));
    }

    /// <summary>A server's NOERROR answer: the zone section back, signed over the request MAC (RFC 8945 §4.3.1).</summary>
    private static byte[] Answer(byte[] request, TsigKey key, byte[] requestMac)
    {
        byte[] buffer = new byte[512];
        new DnsHeader(BinaryPrimitives.ReadUInt16BigEndian(request), true, DnsOpcode.Update, false, 0, 1, 0, 0, 0).Write(buffer);
        byte[] zone = Hex.Parse("04 686f6d65 07 6578616d706c65 00 0006 0001");
        zone.CopyTo(buffer, DnsHeader.Length);
        Assert.Equal(TsigSignResult.Ok, TsigSigner.TrySign(buffer, DnsHeader.Length + zone.Length, key, TimeSigned + 1, 300,
            requestMac, TsigError.NoError, [], key.Algorithm.MacLength(), out int length));
        return buffer[..length];
    }

    [Fact]
    public void KeyText_NeverShowsTheSecret()
    {
        const string secret = "Y7vJGfbk1EfCadu8NLUy0ThKVGkHv4K+Yuria2WwjeU=";
        byte[] bytes = Convert.FromBase64String(secret);

        string text = Sha256.ToString();

        Assert.Equal("dualhome-test (hmac-sha256, secret not shown)", text);
        Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain(Convert.ToHexString(bytes), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret, $"{Sha256}");
    }

    [Theory]
    [InlineData("dualhome-test", "hmac-sha256", "not*base64!")]
    [InlineData("dualhome-test", "hmac-md5", "c2VjcmV0LXNlY3JldA==")]
    [InlineData("dualhome-test", "hmac-sha256", "")]
    [InlineData("bad name", "hmac-sha256", "c2VjcmV0LXNlY3JldA==")]
    public void BadKeyConfig_Throws_WithoutQuotingTheSecret(string name, string algorithm, string secret)
    {
        ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => TsigKey.FromBase64(name, algorithm, secret));
        if (secret.Length > 0)
            Assert.DoesNotContain(secret, error.Message);
    }

    [Theory]
    [InlineData("hmac-sha256", TsigAlgorithm.HmacSha256)]
    [InlineData("HMAC-SHA256.", TsigAlgorithm.HmacSha256)]
    [InlineData("hmac-sha1", TsigAlgorithm.HmacSha1)]
    [InlineData("hmac-sha384", TsigAlgorithm.HmacSha384)]
    [InlineData("hmac-sha512", TsigAlgorithm.HmacSha512)]
    public void AlgorithmNames_Parse(string text, TsigAlgorithm expected)
    {
        Assert.True(TsigAlgorithms.TryParse(text, out TsigAlgorithm algorithm));
        Assert.Equal(expected, algorithm);
    }

    [Theory]
    [InlineData("hmac-md5.sig-alg.reg.int")]
    [InlineData("gss-tsig")]
    [InlineData("hmac-sha256-128")]
    [InlineData(null)]
    public void OtherAlgorithms_DoNotParse(string? text) => Assert.False(TsigAlgorithms.TryParse(text, out _));

    [Fact]
    public void KeyName_IsCanonical()
    {
        var key = new TsigKey("DualHome-Test.", TsigAlgorithm.HmacSha256, new byte[32]);
        Assert.Equal("dualhome-test", key.Name);
        Assert.Equal(Sha256.NameWire, key.NameWire);
    }

    [Fact]
    public void StableNames_AreDistinctSnakeCase()
    {
        string[][] all =
        [
            Enum.GetValues<TsigSignResult>().Select(r => r.ToStableName()).ToArray(),
            Enum.GetValues<TsigVerifyResult>().Select(r => r.ToStableName()).ToArray(),
            Enum.GetValues<DnsReadResult>().Select(r => r.ToStableName()).ToArray(),
        ];
        foreach (string[] names in all)
        {
            Assert.Equal(names.Length, names.Distinct().Count());
            Assert.All(names, n => Assert.Matches("^[a-z0-9_]+$", n));
            Assert.DoesNotContain("unknown", names);
        }
    }
}
