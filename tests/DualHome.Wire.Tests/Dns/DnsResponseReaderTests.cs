using DualHome.Wire.Dns;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Dns.NsupdateCapture;

namespace DualHome.Wire.Tests.Dns;

/// <summary>
/// Named malformed responses (dotnet/runtime AsnDecoder test style), each with the one reason it is refused,
/// and the valid oddities a reader must take. Nothing comes out of a refused message.
/// </summary>
public class DnsResponseReaderTests
{
    private const string Zone = "04 686f6d65 07 6578616d706c65 00 0006 0001"; // home.example. SOA IN, at offset 12
    private const string Tsig = """
        0d 6475616c686f6d652d74657374 00 00fa 00ff 00000000 001d
        0b 686d61632d736861323536 00 00006b0c0c05 012c 0000 1234 0010 0000
        """; // dualhome-test, hmac-sha256, MAC Size 0, BADSIG: an unsigned TSIG, 57 octets
    private const string AaaaRr = "c00c 001c 0001 0000012c 0010 20010db8 000a0001 00000000 00000010"; // home.example AAAA
    private const string Opt = "00 0029 04d0 00000000 0000"; // root, OPT, UDP size 1232, extended RCODE 0, version 0

    private static string Header(int qd, int an, int ns, int ar, string flags = "a800") =>
        $"1234 {flags} {qd:x4} {an:x4} {ns:x4} {ar:x4}";

    private static readonly Dictionary<string, (string Hex, DnsReadResult Result)> Cases = new()
    {
        ["TooShort_Empty"] = ("", DnsReadResult.TooShort),
        ["TooShort_ElevenOctets"] = ("1234 a800 0001 0000 0000 00", DnsReadResult.TooShort),
        ["NotAResponse_QrClear"] = (Header(1, 0, 0, 0, "2800") + Zone, DnsReadResult.NotAResponse),
        ["BadName_NoRootLabel"] = (Header(1, 0, 0, 0) + "04 686f6d65", DnsReadResult.BadName),
        ["BadName_LabelRunsPastEnd"] = (Header(1, 0, 0, 0) + "05 686f6d65", DnsReadResult.BadName),
        ["BadName_Label64"] = (Header(1, 0, 0, 0) + "40" + new string('6', 128) + "00 0006 0001", DnsReadResult.BadName),
        ["BadName_ReservedLabelType10"] = (Header(1, 0, 0, 0) + "80 00 0006 0001", DnsReadResult.BadName),
        ["BadName_Over255Octets"] = (Header(1, 0, 0, 0) + string.Concat(Enumerable.Repeat("3f" + new string('6', 126), 4)) + "00 0006 0001", DnsReadResult.BadName),
        ["BadName_PointerToItself"] = (Header(1, 0, 0, 0) + "c00c 0006 0001", DnsReadResult.BadName),
        ["BadName_PointerLoop"] = (Header(1, 0, 0, 0) + "01 61 c00c 0006 0001", DnsReadResult.BadName),
        ["BadName_PointerForward"] = (Header(1, 1, 0, 0) + "c012 0006 0001" + Zone[..2] + AaaaRr[4..], DnsReadResult.BadName),
        ["BadName_PointerHalf"] = (Header(1, 0, 0, 0) + "c0", DnsReadResult.BadName),
        ["BadName_PointerPastEnd"] = (Header(1, 1, 0, 0) + Zone + "c0ff 001c 0001 00000000 0000", DnsReadResult.BadName),
        ["RecordOverrun_QuestionFixedPart"] = (Header(1, 0, 0, 0) + "04 686f6d65 07 6578616d706c65 00 0006", DnsReadResult.RecordOverrun),
        ["RecordOverrun_MoreQuestionsCounted"] = (Header(2, 0, 0, 0) + Zone, DnsReadResult.RecordOverrun),
        ["RecordOverrun_MoreRecordsCounted"] = (Header(1, 1, 0, 0) + Zone, DnsReadResult.RecordOverrun),
        ["RecordOverrun_RrFixedPart"] = (Header(1, 1, 0, 0) + Zone + "c00c 001c 0001 0000012c", DnsReadResult.RecordOverrun),
        ["RecordOverrun_RdataPastEnd"] = (Header(1, 1, 0, 0) + Zone + "c00c 001c 0001 0000012c 0010 20010db8", DnsReadResult.RecordOverrun),
        ["TrailingBytes"] = (Header(1, 0, 0, 0) + Zone + "00", DnsReadResult.TrailingBytes),
        ["TrailingBytes_AfterTsig"] = (Header(1, 0, 0, 1) + Zone + Tsig + "00", DnsReadResult.TrailingBytes),
        ["TsigNotLast"] = (Header(1, 0, 0, 2) + Zone + Tsig + AaaaRr, DnsReadResult.TsigNotLast),
        ["TsigTwice"] = (Header(1, 0, 0, 2) + Zone + Tsig + Tsig, DnsReadResult.TsigNotLast),
        ["TsigInAnswerSection"] = (Header(1, 1, 0, 0) + Zone + Tsig, DnsReadResult.TsigNotLast),
        ["TsigInAuthoritySection"] = (Header(1, 0, 1, 0) + Zone + Tsig, DnsReadResult.TsigNotLast),
        ["BadTsig_ClassIn"] = (Header(1, 0, 0, 1) + Zone + Tsig.Replace("00fa 00ff", "00fa 0001"), DnsReadResult.BadTsig),
        ["BadTsig_TtlNotZero"] = (Header(1, 0, 0, 1) + Zone + Tsig.Replace("00ff 00000000", "00ff 00000001"), DnsReadResult.BadTsig),
        ["BadTsig_RdataLeftOver"] = (Header(1, 0, 0, 1) + Zone + Tsig.Replace("001d", "001e").Replace("0010 0000", "0010 0000 00"), DnsReadResult.BadTsig),
        ["BadTsig_MacSizePastRdata"] = (Header(1, 0, 0, 1) + Zone + Tsig.Replace("012c 0000", "012c 0001"), DnsReadResult.BadTsig),
        ["BadTsig_OtherLenPastRdata"] = (Header(1, 0, 0, 1) + Zone + Tsig.Replace("0010 0000", "0010 0001"), DnsReadResult.BadTsig),
        ["BadTsig_RdataTooShortForFields"] = (Header(1, 0, 0, 1) + Zone + "0d 6475616c686f6d652d74657374 00 00fa 00ff 00000000 0005 0b686d6163", DnsReadResult.BadTsig),
        ["BadOpt_InAnswerSection"] = (Header(1, 1, 0, 0) + Zone + Opt, DnsReadResult.BadOpt),
        ["BadOpt_Twice"] = (Header(1, 0, 0, 2) + Zone + Opt + Opt, DnsReadResult.BadOpt),
        ["BadOpt_NotOwnedByRoot"] = (Header(1, 0, 0, 1) + Zone + "c00c" + Opt[2..], DnsReadResult.BadOpt),

        ["Valid_NoQuestion"] = (Header(0, 0, 0, 0), DnsReadResult.Ok),
        ["Valid_CompressedAnswer"] = (Header(1, 1, 0, 0) + Zone + AaaaRr, DnsReadResult.Ok),
        ["Valid_PointerChain"] = (Header(1, 2, 0, 0) + Zone + "03 777777 c00c 001c 0001 00000000 0000" + "c01e 001c 0001 00000000 0000", DnsReadResult.Ok),
        ["Valid_OptThenTsig"] = (Header(1, 0, 0, 2) + Zone + Opt + Tsig, DnsReadResult.Ok),
        ["Valid_UnknownTypeSkipped"] = (Header(1, 0, 0, 1) + Zone + "c00c fff0 0001 00000000 0003 010203", DnsReadResult.Ok),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Reason(string name)
    {
        (string hex, DnsReadResult expected) = Cases[name];

        DnsReadResult result = DnsResponseReader.TryRead(Hex.Parse(hex), out DnsResponse? response);

        Assert.Equal(expected, result);
        Assert.Equal(result == DnsReadResult.Ok, response is not null);
    }

    [Theory]
    [InlineData("00", 0, DnsRcode.NoError)]
    [InlineData("01", 0, DnsRcode.BadVers)]  // RFC 6891 §6.1.3: 1 << 4 | 0 = 16
    [InlineData("00", 9, DnsRcode.NotAuth)]
    public void ExtendedRcode_FromOpt(string optHigh, int headerRcode, DnsRcode expected)
    {
        string hex = Header(1, 0, 0, 1, $"a80{headerRcode:x}") + Zone + $"00 0029 04d0 {optHigh}000000 0000";

        Assert.Equal(DnsReadResult.Ok, DnsResponseReader.TryRead(Hex.Parse(hex), out DnsResponse? response));
        Assert.Equal(expected, response!.Rcode);
        Assert.Null(response.Tsig);
    }

    [Fact]
    public void TruncatedFlag_IsReported()
    {
        Assert.Equal(DnsReadResult.Ok, DnsResponseReader.TryRead(Hex.Parse(Header(1, 0, 0, 0, "aa00") + Zone), out DnsResponse? response));
        Assert.True(response!.Header.IsTruncated);
    }

    [Fact]
    public void UnsignedTsig_IsRead()
    {
        Assert.Equal(DnsReadResult.Ok, DnsResponseReader.TryRead(BadKeyResponse, out DnsResponse? response));

        Assert.Equal(DnsRcode.NotAuth, response!.Rcode);
        Assert.Equal("dualhome-other", response.Tsig!.KeyName);
        Assert.Equal(TsigError.BadKey, response.Tsig.Error);
        Assert.True(response.Tsig.Mac.IsEmpty);
    }

    [Fact]
    public void NameText_EscapesOddOctets()
    {
        // RFC 1035 §5.1 \DDD: a dot inside a label must not read as a label separator.
        Assert.Equal("a\\046b.c", DnsNameReader.ToText(Hex.Parse("03 612e62 01 63 00")));
        Assert.Equal(".", DnsNameReader.ToText(Hex.Parse("00")));
    }

    [Fact]
    public void CanonicalForm_LowercasesAndExpandsPointers()
    {
        byte[] message = Hex.Parse(Header(1, 1, 0, 0) + "04 484f4d45 07 6578616d706c65 00 0006 0001" + "03 575757 c00c 001c 0001 00000000 0000");
        int position = 30;
        byte[] canonical = new byte[255];

        Assert.True(DnsNameReader.TryRead(message, ref position, canonical, out int length));

        Assert.Equal("03777777 04686f6d65 076578616d706c65 00".Replace(" ", ""), Hex.Format(canonical.AsSpan(0, length)));
        Assert.Equal(36, position); // past "www" and the pointer, not past the name pointed at
    }
}
