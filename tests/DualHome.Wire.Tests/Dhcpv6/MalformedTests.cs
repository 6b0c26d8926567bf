using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Dhcpv6.Messages;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Dhcpv6.Dh6;

namespace DualHome.Wire.Tests.Dhcpv6;

/// <summary>
/// Named malformed inputs (dotnet/runtime AsnDecoder test style), each with the exact reason the message is dropped,
/// or, for a part RFC 8415 says to ignore, the fault reported while the rest is kept. Nothing throws.
/// </summary>
public class MalformedTests
{
    private const string Reply = "07 123456";
    private const string Ids = "0001 000a 0003 0001 00005e005302  0002 000e 0001 0001 2d4cae00 00005e005301";
    private const string Prefix56 = "001a 0019 00000708 00000e10 38 20010db8 000a0000 00000000 00000000";
    private const string Ok = Reply + Ids;

    private static string IaPd(string t1t2, string inner)
    {
        int length = 12 + Hex.Parse(inner).Length;
        return $"0019 {length:x4} 00000001 {t1t2} {inner}";
    }

    public sealed record Case(string Hex, Dhcpv6ReadResult Result, Dhcpv6OptionFault Fault = Dhcpv6OptionFault.None);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // §8 header, §7.3/§16 message types, §9 relay messages.
        ["TooShort_Empty"] = new("", Dhcpv6ReadResult.TooShort),
        ["TooShort_ThreeOctets"] = new("07 1234", Dhcpv6ReadResult.TooShort),
        ["UnknownMessageType_0"] = new("00 123456" + Ids, Dhcpv6ReadResult.UnknownMessageType),
        ["UnknownMessageType_14"] = new("0e 123456" + Ids, Dhcpv6ReadResult.UnknownMessageType),
        ["UnknownMessageType_255"] = new("ff 123456", Dhcpv6ReadResult.UnknownMessageType),
        ["RelayForward"] = new("0c 00 fe800000000000000000000000000001 fe800000000000000000000000000002", Dhcpv6ReadResult.RelayMessage),
        ["RelayReply"] = new("0d 00 0000", Dhcpv6ReadResult.RelayMessage),

        // §21.1 framing: options consume the message (and an IA's options the IA) exactly.
        ["OptionOverrun_TrailingOctet"] = new(Ok + "00", Dhcpv6ReadResult.OptionOverrun),
        ["OptionOverrun_TrailingHeaderPart"] = new(Ok + "0017 00", Dhcpv6ReadResult.OptionOverrun),
        ["OptionOverrun_LengthPastTheEnd"] = new(Ok + "0017 0010 20010db8", Dhcpv6ReadResult.OptionOverrun),
        ["OptionOverrun_FirstOption"] = new(Reply + "0001 ffff 0003", Dhcpv6ReadResult.OptionOverrun),
        ["OptionOverrun_IaPrefixPastItsIaPd"] = new(Ok + "0019 0029 00000001 00000384 000005a0 001a 001a 00000708 00000e10 38 20010db8 000a0000 00000000 00000000",
            Dhcpv6ReadResult.OptionOverrun),
        ["OptionOverrun_StatusPastItsIaPrefix"] = new(Ok + IaPd("00000384 000005a0", "001a 001d 00000708 00000e10 38 20010db8 000a0000 00000000 00000000 000d 0004 0000"),
            Dhcpv6ReadResult.OptionOverrun),
        ["OptionOverrun_TrailingOctetInIaPd"] = new(Ok + IaPd("00000384 000005a0", Prefix56 + "00"), Dhcpv6ReadResult.OptionOverrun),

        // Fixed option lengths.
        ["IaPdTooShort_11"] = new(Ok + "0019 000b 00000001 00000384 000005", Dhcpv6ReadResult.IaPdTooShort),
        ["IaPdTooShort_0"] = new(Ok + "0019 0000", Dhcpv6ReadResult.IaPdTooShort),
        ["IaPrefixTooShort_24"] = new(Ok + IaPd("00000384 000005a0", "001a 0018 00000708 00000e10 38 20010db8 000a0000 00000000 000000"),
            Dhcpv6ReadResult.IaPrefixTooShort),
        ["BadDuid_ClientIdTypeOnly"] = new(Reply + "0001 0002 0003", Dhcpv6ReadResult.BadDuid),
        ["BadDuid_ServerIdEmpty"] = new(Reply + "0002 0000", Dhcpv6ReadResult.BadDuid),
        ["BadDuid_131Octets"] = new(Reply + "0001 0083" + new string('0', 262), Dhcpv6ReadResult.BadDuid),
        ["BadLength_ElapsedTime3"] = new(Ok + "0008 0003 000000", Dhcpv6ReadResult.BadOptionLength),
        ["BadLength_Preference2"] = new(Ok + "0007 0002 ffff", Dhcpv6ReadResult.BadOptionLength),
        ["BadLength_OroOdd"] = new(Ok + "0006 0003 005200", Dhcpv6ReadResult.BadOptionLength),
        ["BadLength_StatusCode1"] = new(Ok + "000d 0001 00", Dhcpv6ReadResult.BadOptionLength),
        ["BadLength_StatusCodeInIaPd1"] = new(Ok + IaPd("00000000 00000000", "000d 0001 06"), Dhcpv6ReadResult.BadOptionLength),
        ["BadLength_RapidCommit1"] = new(Ok + "000e 0001 00", Dhcpv6ReadResult.BadOptionLength),
        ["BadLength_ReconfigureAccept1"] = new(Ok + "0014 0001 00", Dhcpv6ReadResult.BadOptionLength),
        ["BadLength_ReconfigureMessage0"] = new(Ok + "0013 0000", Dhcpv6ReadResult.BadOptionLength),
        ["BadLength_Authentication10"] = new(Ok + "000b 000a 03 01 00 0000000000000001", Dhcpv6ReadResult.BadOptionLength),
        ["BadLength_SolMaxRt2"] = new(Ok + "0052 0002 1c20", Dhcpv6ReadResult.BadOptionLength),
        ["BadLength_InfMaxRt5"] = new(Ok + "0053 0005 0000001c20", Dhcpv6ReadResult.BadOptionLength),

        // §21: "may appear only once".
        ["Duplicate_ClientId"] = new(Ok + "0001 000a 0003 0001 00005e005303", Dhcpv6ReadResult.DuplicateOption),
        ["Duplicate_ServerId"] = new(Ok + "0002 000a 0003 0001 00005e005309", Dhcpv6ReadResult.DuplicateOption),
        ["Duplicate_Preference"] = new(Ok + "0007 0001 00 0007 0001 ff", Dhcpv6ReadResult.DuplicateOption),
        ["Duplicate_StatusInIaPd"] = new(Ok + IaPd("00000000 00000000", "000d 0002 0006 000d 0002 0000"), Dhcpv6ReadResult.DuplicateOption),

        // Parts RFC 8415 has the client ignore: the message stays valid.
        ["Ignored_PreferredOverValid"] = new(Ok + IaPd("00000384 000005a0", "001a 0019 00000e11 00000e10 38 20010db8 000a0000 00000000 00000000"),
            Dhcpv6ReadResult.Ok, Dhcpv6OptionFault.PreferredOverValid),
        ["Ignored_PrefixLength129"] = new(Ok + IaPd("00000384 000005a0", "001a 0019 00000708 00000e10 81 20010db8 000a0000 00000000 00000000"),
            Dhcpv6ReadResult.Ok, Dhcpv6OptionFault.PrefixLengthOver128),
        ["Ignored_T1OverT2"] = new(Ok + IaPd("000005a0 00000384", Prefix56), Dhcpv6ReadResult.Ok, Dhcpv6OptionFault.T1OverT2),
        ["Ignored_SolMaxRt59"] = new(Ok + "0052 0004 0000003b", Dhcpv6ReadResult.Ok, Dhcpv6OptionFault.MaxRtOutOfRange),
        ["Ignored_SolMaxRt86401"] = new(Ok + "0052 0004 00015181", Dhcpv6ReadResult.Ok, Dhcpv6OptionFault.MaxRtOutOfRange),
        ["Ignored_InfMaxRt0"] = new(Ok + "0053 0004 00000000", Dhcpv6ReadResult.Ok, Dhcpv6OptionFault.MaxRtOutOfRange),

        // Valid oddities.
        ["Valid_T1OverZeroT2"] = new(Ok + IaPd("00000384 00000000", Prefix56), Dhcpv6ReadResult.Ok),
        ["Valid_HeaderOnly"] = new(Reply, Dhcpv6ReadResult.Ok),
        ["Valid_UnknownOptionKept"] = new(Ok + "00ff 0002 abcd", Dhcpv6ReadResult.Ok),
        ["Valid_EmptyUnknownOption"] = new(Ok + "00ff 0000", Dhcpv6ReadResult.Ok),
        ["Valid_UnknownOptionInIaPdSkipped"] = new(Ok + IaPd("00000384 000005a0", "0043 0003 40 0000" + Prefix56), Dhcpv6ReadResult.Ok),
        ["Valid_StatusNotUtf8"] = new(Ok + "000d 0004 0001 fffe", Dhcpv6ReadResult.Ok),
        ["Valid_SolMaxRtBounds"] = new(Ok + "0052 0004 0000003c 0053 0004 00015180", Dhcpv6ReadResult.Ok),
        ["Valid_EmptyOro"] = new(Ok + "0006 0000", Dhcpv6ReadResult.Ok),
        ["Valid_Reconfigure"] = new("0a 000000" + Ids + "0013 0001 05 000b 001c 03 01 00 0000000000000001 02 000102030405060708090a0b0c0d0e0f",
            Dhcpv6ReadResult.Ok),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Reason(string name)
    {
        Case c = Cases[name];
        byte[] bytes = Hex.Parse(c.Hex);

        Dhcpv6ReadResult result = Dhcpv6MessageReader.TryRead(bytes, out Dhcpv6Message? message, out Dhcpv6OptionFault fault);

        Assert.Equal(c.Result, result);
        Assert.Equal(c.Fault, fault);
        Assert.Equal(result == Dhcpv6ReadResult.Ok, message is not null); // nothing comes out of a dropped message
        Assert.NotEqual("unknown", result.ToStableName());
        Assert.NotEqual("unknown", fault.ToStableName());
    }

    private static Dhcpv6Message ReadOk(string name)
    {
        Assert.Equal(Dhcpv6ReadResult.Ok, Dhcpv6MessageReader.TryRead(Hex.Parse(Cases[name].Hex), out Dhcpv6Message? message, out _));
        return message!;
    }

    [Fact]
    public void IgnoredPrefix_LeavesTheIaPd_WithoutIt()
    {
        IaPd ia = ReadOk("Ignored_PreferredOverValid").IaPds.Single();
        Assert.Equal((900u, 1440u), (ia.T1, ia.T2));
        Assert.Empty(ia.Prefixes);
        Assert.Empty(ReadOk("Ignored_PrefixLength129").IaPds.Single().Prefixes);
    }

    [Fact]
    public void T1OverT2_DiscardsTheIaPd_AndKeepsTheRest()
    {
        Dhcpv6Message message = ReadOk("Ignored_T1OverT2"); // §21.21: "as though the server had not included the IA_PD option"
        Assert.Empty(message.IaPds);
        Assert.Equal(Server, message.ServerId);
        Assert.Single(ReadOk("Valid_T1OverZeroT2").IaPds);   // only when both are nonzero
    }

    [Fact]
    public void OutOfRangeMaxRt_IsIgnored_InRangeIsKept()
    {
        Assert.Null(ReadOk("Ignored_SolMaxRt59").SolMaxRt);
        Dhcpv6Message bounds = ReadOk("Valid_SolMaxRtBounds");
        Assert.Equal((60u, 86400u), (bounds.SolMaxRt!.Value, bounds.InfMaxRt!.Value));
    }

    [Fact]
    public void UnknownOptions_AreKeptRaw_AtTopLevelOnly()
    {
        Assert.Equal(new Dhcpv6RawOption(0xff, [0xab, 0xcd]), ReadOk("Valid_UnknownOptionKept").OtherOptions.Single());
        IaPd ia = ReadOk("Valid_UnknownOptionInIaPdSkipped").IaPds.Single();
        Assert.Equal(Delegated, ia.Prefixes.Single().Prefix); // the PD-Exclude-like option 67 before it is skipped
    }

    [Fact]
    public void StatusMessage_NotUtf8_BecomesReplacementCharacters()
    {
        Dhcpv6Status status = ReadOk("Valid_StatusNotUtf8").Status!;
        Assert.Equal(Dhcpv6StatusCode.UnspecFail, status.Code);
        Assert.All(status.Message, c => Assert.Equal('\uFFFD', c));
    }

    [Fact]
    public void Reconfigure_ReadsItsMessageTypeAndAuthentication()
    {
        Dhcpv6Message reconfigure = ReadOk("Valid_Reconfigure");
        Assert.Equal(Dhcpv6MessageType.Reconfigure, reconfigure.Type);
        Assert.Equal(Dhcpv6MessageType.Renew, reconfigure.ReconfigureMessage);
        Assert.Equal(Dhcpv6Authentication.ReconfigureKeyProtocol, reconfigure.Authentication!.Protocol);
        Assert.Equal(1UL, reconfigure.Authentication.ReplayDetection);
        Assert.Equal(17, reconfigure.Authentication.Information.Length);
    }

    [Fact]
    public void PrefixBitsPastTheLength_AreCleared()
    {
        string ia = IaPd("00000384 000005a0", "001a 0019 00000708 00000e10 38 20010db8 000a00ff ffffffff ffffffff");
        Assert.Equal(Delegated, Dh6.Read(Hex.Parse(Ok + ia)).IaPds.Single().Prefixes.Single().Prefix);
    }

    [Fact]
    public void ReadHeader_IsAllocationFree_AndAgreesWithTryRead()
    {
        byte[] advertise = KeaCaptures.Advertise;
        Assert.Equal(Dhcpv6ReadResult.Ok, Dhcpv6MessageReader.ReadHeader(advertise, out Dhcpv6MessageType type, out uint xid));
        Assert.Equal((Dhcpv6MessageType.Advertise, 0x123456u), (type, xid));
        Assert.Equal(Dhcpv6ReadResult.RelayMessage, Dhcpv6MessageReader.ReadHeader(Hex.Parse("0c000000"), out _, out _));
    }
}
