using System.Net;
using DualHome.Wire.Dns;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Dns.NsupdateCapture;

namespace DualHome.Wire.Tests.Dns;

/// <summary>
/// Our writer and signer against nsupdate 9.18 (<see cref="NsupdateCapture"/>): the same update, ID, key and Time
/// Signed give the same bytes, TSIG MAC included; named's answers verify with our verifier.
/// </summary>
public class NsupdateGoldenTests
{
    private static readonly IPAddress A = IPAddress.Parse("2001:db8:a:1::10");
    private static readonly IPAddress B = IPAddress.Parse("2001:db8:b:1::10");
    private static readonly IPAddress A11 = IPAddress.Parse("2001:db8:a:1::11");

    private static readonly IReadOnlyList<DnsRecord> DeleteAWhileAB = DnsPrerequisite.AaaaRRsetEquals(Www, [A, B]);

    public sealed record RequestCase(byte[] Captured, TsigKey Key, IReadOnlyList<DnsRecord> Prerequisites, IReadOnlyList<DnsRecord> Updates);

    private static readonly Dictionary<string, RequestCase> Requests = new()
    {
        ["1_Add_Sha256"] = new(AddRequest, Sha256, [], [DnsUpdateOperation.AddAaaa(Www, 300, A)]),
        ["3_DeleteOneWhileRRsetIsAB_Sha256"] = new(DeleteRequest, Sha256, DeleteAWhileAB, [DnsUpdateOperation.DeleteAaaa(Www, A)]),
        ["5_SameDeleteAgain_Sha256"] = new(DeleteAgainRequest, Sha256, DeleteAWhileAB, [DnsUpdateOperation.DeleteAaaa(Www, A)]),
        ["7_Add_Sha1"] = new(Sha1AddRequest, Sha1, [], [DnsUpdateOperation.AddAaaa(Www, 300, A)]),
        ["9_EveryPrerequisite_DeleteRRset_AddBoth_Sha512"] = new(Sha512Request, Sha512,
            [
                DnsPrerequisite.NameInUse(Www),
                DnsPrerequisite.NameNotInUse("gone.home.example"),
                DnsPrerequisite.RRsetExists(Www, DnsType.Aaaa),
                DnsPrerequisite.RRsetDoesNotExist(Www, DnsType.A),
            ],
            [
                DnsUpdateOperation.DeleteRRset(Www, DnsType.Aaaa),
                DnsUpdateOperation.AddAaaa(Www, 300, A),
                DnsUpdateOperation.AddAaaa(Www, 300, B),
            ]),
        ["11_Add_WrongSecret"] = new(WrongSecretRequest, WrongSecret, [], [DnsUpdateOperation.AddAaaa(Www, 300, A11)]),
        ["13_Add_UnknownKeyName"] = new(UnknownKeyRequest, OtherName, [], [DnsUpdateOperation.AddAaaa(Www, 300, A11)]),
    };

    public static TheoryData<string> RequestNames => new(Requests.Keys);

    [Theory]
    [MemberData(nameof(RequestNames))]
    public void WriteAndSign_EqualsNsupdate(string name)
    {
        RequestCase c = Requests[name];
        // The ID and Time Signed are nsupdate's choices: take them from the captured bytes.
        Assert.Equal(DnsReadResult.Ok, DnsResponseReader.Read(c.Captured, requireResponse: false, out DnsResponse? captured));
        DateTimeOffset signedAt = DateTimeOffset.FromUnixTimeSeconds(captured!.Tsig!.TimeSigned);
        var message = new DnsUpdateMessage(captured.Id, Zone, c.Prerequisites, c.Updates);

        byte[] buffer = new byte[DnsUpdateWriter.MaxUdpLength];
        int length = DnsUpdateWriter.Write(message, buffer);
        Assert.Equal(length, DnsUpdateWriter.Measure(message));
        Assert.Equal(TsigSignResult.Ok, TsigSigner.TrySign(buffer, length, c.Key, signedAt, out int signedLength));

        Assert.Equal(length + TsigSigner.Measure(c.Key), signedLength);
        Assert.Equal(Hex.Format(c.Captured), Hex.Format(buffer.AsSpan(0, signedLength)));
    }

    public sealed record ResponseCase(byte[] Request, byte[] Response, TsigKey Key, TsigVerifyResult Result, DnsRcode Rcode, TsigError Error);

    private static readonly Dictionary<string, ResponseCase> Responses = new()
    {
        ["2_AddNoError"] = new(AddRequest, AddResponse, Sha256, TsigVerifyResult.Ok, DnsRcode.NoError, TsigError.NoError),
        ["4_DeleteNoError"] = new(DeleteRequest, DeleteResponse, Sha256, TsigVerifyResult.Ok, DnsRcode.NoError, TsigError.NoError),
        ["6_PrerequisiteFailed_NXRRSet"] = new(DeleteAgainRequest, DeleteAgainResponse, Sha256, TsigVerifyResult.Ok, DnsRcode.NXRRSet, TsigError.NoError),
        ["8_Sha1"] = new(Sha1AddRequest, Sha1AddResponse, Sha1, TsigVerifyResult.Ok, DnsRcode.NoError, TsigError.NoError),
        ["10_Sha512"] = new(Sha512Request, Sha512Response, Sha512, TsigVerifyResult.Ok, DnsRcode.NoError, TsigError.NoError),
        ["12_ServerSaysBadSig_Unsigned"] = new(WrongSecretRequest, BadSigResponse, WrongSecret, TsigVerifyResult.Unsigned, DnsRcode.NotAuth, TsigError.BadSig),
        ["14_ServerSaysBadKey_Unsigned"] = new(UnknownKeyRequest, BadKeyResponse, OtherName, TsigVerifyResult.Unsigned, DnsRcode.NotAuth, TsigError.BadKey),
    };

    public static TheoryData<string> ResponseNames => new(Responses.Keys);

    [Theory]
    [MemberData(nameof(ResponseNames))]
    public void NamedResponses_ReadAndVerify(string name)
    {
        ResponseCase c = Responses[name];

        Assert.Equal(DnsReadResult.Ok, DnsResponseReader.TryRead(c.Response, out DnsResponse? response));
        Assert.Equal(c.Rcode, response!.Rcode);
        Assert.Equal(c.Error, response.Tsig!.Error);
        Assert.Equal(c.Response.AsSpan(0, 2).ToArray(), c.Request.AsSpan(0, 2).ToArray()); // same ID as the request
        Assert.Equal(DnsOpcode.Update, response.Header.Opcode);
        Assert.Equal(c.Result, TsigVerifier.Verify(c.Request, c.Response, c.Key, SignedAt.AddSeconds(1)));
    }

    [Fact]
    public void AddResponse_Model()
    {
        Assert.Equal(DnsReadResult.Ok, DnsResponseReader.TryRead(AddResponse, out DnsResponse? response));

        Assert.Equal(new DnsHeader(0xb6b1, IsResponse: true, DnsOpcode.Update, IsTruncated: false, Rcode: 0, 1, 0, 0, 1), response!.Header);
        TsigRecord tsig = response.Tsig!;
        Assert.Equal("dualhome-test", tsig.KeyName);
        Assert.Equal("hmac-sha256", tsig.AlgorithmName);
        Assert.Equal(TimeSigned, tsig.TimeSigned);
        Assert.Equal(300, tsig.Fudge);
        Assert.Equal("12ef9958db57a781cec81cdc25ec2b5d0c49de1abe90b1aae6bf93842963e9dc", Hex.Format(tsig.Mac.Span));
        Assert.Equal(0xb6b1, tsig.OriginalId);
        Assert.True(tsig.OtherData.IsEmpty);
        Assert.Equal(30, tsig.Offset); // after the header (12) and the zone section (18)
        Assert.Null(tsig.ServerTime);
    }

    [Fact]
    public void NamedResponse_VerifiesWithTheRequestMacAlone()
    {
        Assert.Equal(DnsReadResult.Ok, DnsResponseReader.TryRead(AddResponse, out DnsResponse? response));
        byte[] requestMac = AddRequest.AsSpan(AddRequest.Length - 6 - 32, 32).ToArray();

        Assert.Equal(TsigVerifyResult.Ok, TsigVerifier.Verify(AddResponse, response!, Sha256, requestMac, SignedAt));
    }

    [Fact]
    public void NamedResponse_ToAnotherRequest_IsBadSig()
    {
        // RFC 8945 §4.3.1: the response MAC covers the request MAC, so a replayed answer to another request fails.
        Assert.Equal(TsigVerifyResult.BadSig, TsigVerifier.Verify(DeleteRequest, AddResponse, Sha256, SignedAt));
    }
}
