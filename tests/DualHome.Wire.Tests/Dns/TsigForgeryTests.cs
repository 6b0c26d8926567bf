using System.Buffers.Binary;
using DualHome.Wire.Dns;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Dns.NsupdateCapture;

namespace DualHome.Wire.Tests.Dns;

/// <summary>
/// Forged, damaged and odd responses, each with the verdict RFC 8945 §5.2/§5.4 gives it. They start from named's
/// real answers (<see cref="NsupdateCapture"/>); where a case needs a valid MAC over changed fields, the response
/// is re-signed by our signer, which first is shown to reproduce named's signature exactly.
/// </summary>
public class TsigForgeryTests
{
    private static readonly byte[] AddRequestMac = Convert.FromHexString("3878e59e6195c9761c22d209ceec422ff5c64de0049562316d993a71cbd9e1a0");

    private static TsigVerifyResult Verify(byte[] response, TsigKey? key = null, DateTimeOffset? now = null) =>
        TsigVerifier.Verify(AddRequest, response, key ?? Sha256, now ?? SignedAt);

    /// <summary>named's AddResponse without its TSIG RR, signed again by us with the fields given.</summary>
    private static byte[] Resign(long? time = null, int macLength = 32, TsigError error = TsigError.NoError, byte[]? other = null,
        TsigKey? key = null, byte[]? body = null)
    {
        body ??= Unsigned(AddResponse);
        byte[] buffer = new byte[512];
        body.CopyTo(buffer, 0);
        Assert.Equal(TsigSignResult.Ok, TsigSigner.TrySign(buffer, body.Length, key ?? Sha256, time ?? TimeSigned, TsigSigner.DefaultFudge,
            AddRequestMac, error, other ?? [], macLength, out int length));
        return buffer[..length];
    }

    /// <summary>The message before its TSIG RR, ARCOUNT less one (RFC 8945 §5.2).</summary>
    private static byte[] Unsigned(byte[] message)
    {
        Assert.Equal(DnsReadResult.Ok, DnsResponseReader.Read(message, requireResponse: false, out DnsResponse? parsed));
        byte[] body = message[..parsed!.Tsig!.Offset];
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(DnsHeader.AdditionalCountOffset), (ushort)(parsed.Header.AdditionalCount - 1));
        return body;
    }

    private static byte[] With(byte[] message, int offset, params byte[] bytes)
    {
        byte[] copy = (byte[])message.Clone();
        bytes.CopyTo(copy, offset);
        return copy;
    }

    private static int MacOffset(byte[] response) => response.Length - 6 - 32;

    [Fact]
    public void OurResponseSigning_ReproducesNamedsBytes()
    {
        Assert.Equal(Hex.Format(AddResponse), Hex.Format(Resign()));
    }

    [Fact]
    public void Genuine_IsOk() => Assert.Equal(TsigVerifyResult.Ok, Verify(AddResponse));

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(31)]
    public void FlippedMacByte_IsBadSig(int index)
    {
        byte[] forged = (byte[])AddResponse.Clone();
        forged[MacOffset(forged) + index] ^= 0x01;
        Assert.Equal(TsigVerifyResult.BadSig, Verify(forged));
    }

    [Fact]
    public void RcodeTurnedFromNXRRSetToNoError_IsBadSig()
    {
        // The attack that matters: make a failed prerequisite look like success.
        byte[] forged = With(DeleteAgainResponse, 3, 0x00);
        Assert.Equal(DnsReadResult.Ok, DnsResponseReader.TryRead(forged, out DnsResponse? parsed));
        Assert.Equal(DnsRcode.NoError, parsed!.Rcode);
        Assert.Equal(TsigVerifyResult.BadSig, TsigVerifier.Verify(DeleteAgainRequest, forged, Sha256, SignedAt));
    }

    [Theory]
    [InlineData("TimeSigned", 30 + 15 + 10 + 13 + 5)]   // last octet of Time Signed
    [InlineData("Fudge", 30 + 15 + 10 + 13 + 7)]        // Fudge low octet: a wider window is not for a forger to give
    [InlineData("OriginalId", 116 - 5)]
    [InlineData("Error", 116 - 3)]
    [InlineData("ZoneName", 13)]
    public void ChangedCoveredField_IsBadSig(string field, int offset)
    {
        byte[] forged = (byte[])AddResponse.Clone();
        forged[offset] ^= 0x01;
        Assert.Equal((field, TsigVerifyResult.BadSig), (field, Verify(forged)));
    }

    [Fact]
    public void ChangedHeaderId_StillVerifies_TheMacCoversTheOriginalId()
    {
        // RFC 8945 §4.3.2 / §5.2: the MAC is over the Original ID, so a changed header ID is not a TSIG failure.
        // Matching the response ID to the request is the caller's check.
        Assert.Equal(TsigVerifyResult.Ok, Verify(With(AddResponse, 0, 0x12, 0x34)));
    }

    [Fact]
    public void OtherKeyNameInResponse_IsBadKey()
    {
        byte[] forged = With(AddResponse, 30 + 12, (byte)'x'); // dualhome-text
        Assert.Equal(TsigVerifyResult.BadKey, Verify(forged));
    }

    [Fact]
    public void VerifiedWithAnotherKeyName_IsBadKey() =>
        Assert.Equal(TsigVerifyResult.BadKey, Verify(AddResponse, OtherName));

    [Fact]
    public void VerifiedWithAnotherAlgorithm_IsBadKey()
    {
        var sameNameSha512 = new TsigKey("dualhome-test", TsigAlgorithm.HmacSha512, new byte[32]);
        Assert.Equal(TsigVerifyResult.BadKey, Verify(AddResponse, sameNameSha512));
    }

    [Fact]
    public void VerifiedWithTheWrongSecret_IsBadSig() =>
        Assert.Equal(TsigVerifyResult.BadSig, Verify(AddResponse, WrongSecret));

    [Fact]
    public void KeyNameInUpperCase_StillVerifies()
    {
        // RFC 8945 §4.3.3: the MAC uses the canonical (lowercase) key name; names compare case-insensitively.
        byte[] upper = (byte[])AddResponse.Clone();
        for (int i = 31; i < 31 + 13; i++)
            upper[i] = (byte)char.ToUpperInvariant((char)upper[i]);
        Assert.Equal(TsigVerifyResult.Ok, Verify(upper));
    }

    [Theory]
    [InlineData(-301, TsigVerifyResult.BadTime)]
    [InlineData(-300, TsigVerifyResult.Ok)]
    [InlineData(300, TsigVerifyResult.Ok)]
    [InlineData(301, TsigVerifyResult.BadTime)]
    [InlineData(-86400 * 365, TsigVerifyResult.BadTime)]
    public void OurClockAgainstTimeSigned_FudgeIs300(int ourClockOffset, TsigVerifyResult expected) =>
        Assert.Equal(expected, Verify(AddResponse, now: SignedAt.AddSeconds(ourClockOffset)));

    [Fact]
    public void ValidMacButTimeOutsideFudge_IsBadTime() =>
        Assert.Equal(TsigVerifyResult.BadTime, Verify(Resign(time: TimeSigned - 3600)));

    [Fact]
    public void BadTimeWithForgedMac_IsBadSig_TheMacIsCheckedFirst()
    {
        // RFC 8945 §5.2: key, then MAC, then time: a forger cannot make us log a clock problem.
        byte[] forged = Resign(time: TimeSigned - 3600);
        forged[MacOffset(forged)] ^= 0x80;
        Assert.Equal(TsigVerifyResult.BadSig, Verify(forged));
    }

    [Fact]
    public void EveryTruncation_IsMalformed_AndNeverThrows()
    {
        for (int length = 0; length < AddResponse.Length; length++)
            Assert.Equal(TsigVerifyResult.Malformed, Verify(AddResponse[..length]));
    }

    [Fact]
    public void TsigRemoved_IsMissing() => Assert.Equal(TsigVerifyResult.Missing, Verify(Unsigned(AddResponse)));

    [Theory]
    [InlineData(16, TsigVerifyResult.Ok)]        // §5.2.2.1 rule 4: half of SHA-256 is allowed
    [InlineData(20, TsigVerifyResult.Ok)]
    [InlineData(15, TsigVerifyResult.Malformed)] // rule 3: below max(10, 32/2)
    [InlineData(1, TsigVerifyResult.Malformed)]
    [InlineData(33, TsigVerifyResult.Malformed)] // rule 1: longer than the hash
    public void TruncatedMac(int macLength, TsigVerifyResult expected) =>
        Assert.Equal(expected, Verify(Resign(macLength: macLength)));

    [Fact]
    public void TruncatedMac_WithAFlippedByte_IsBadSig()
    {
        byte[] forged = Resign(macLength: 16);
        forged[^(6 + 16)] ^= 0x01;
        Assert.Equal(TsigVerifyResult.BadSig, Verify(forged));
    }

    [Fact]
    public void Sha1TruncatedToTenOctets_IsOk()
    {
        // max(10, 20/2) = 10 (the old HMAC-SHA1-80 case).
        var sha1 = new TsigKey("dualhome-test", TsigAlgorithm.HmacSha1, new byte[20]);
        Assert.Equal(TsigVerifyResult.Ok, Verify(Resign(macLength: 10, key: sha1), sha1));
        Assert.Equal(TsigVerifyResult.Malformed, Verify(Resign(macLength: 9, key: sha1), sha1));
    }

    [Fact]
    public void MacSizeZeroWithoutError_IsMalformed() => Assert.Equal(TsigVerifyResult.Malformed, Verify(Resign(macLength: 0)));

    [Fact]
    public void ForgedUnsignedError_IsOnlyUnsigned_NeverOk()
    {
        // Anyone can send MAC Size 0 with BADSIG (§5.3.2); it is reported as unauthenticated.
        Assert.Equal(TsigVerifyResult.Unsigned, Verify(Resign(macLength: 0, error: TsigError.BadSig)));
    }

    [Fact]
    public void SignedBadTime_IsPeerError_WithTheServersClock()
    {
        // §5.2.3: a BADTIME answer is signed and carries the server's time in Other Data.
        byte[] serverTime = new byte[6];
        BinaryPrimitives.WriteUInt32BigEndian(serverTime.AsSpan(2), (uint)(TimeSigned + 7200));
        byte[] response = Resign(error: TsigError.BadTime, other: serverTime, body: With(Unsigned(AddResponse), 3, 0x09));

        Assert.Equal(TsigVerifyResult.PeerError, Verify(response));
        Assert.Equal(DnsReadResult.Ok, DnsResponseReader.TryRead(response, out DnsResponse? parsed));
        Assert.Equal(DnsRcode.NotAuth, parsed!.Rcode);
        Assert.Equal(TsigError.BadTime, parsed.Tsig!.Error);
        Assert.Equal(SignedAt.AddHours(2), parsed.Tsig.ServerTime);
    }

    [Fact]
    public void RequestWithoutTsig_IsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => TsigVerifier.Verify(Unsigned(AddRequest), AddResponse, Sha256, SignedAt));
}
