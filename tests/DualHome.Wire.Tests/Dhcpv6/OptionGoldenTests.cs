using System.Net;
using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Dhcpv6.Options;
using DualHome.Wire.Ethernet;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Dhcpv6.Dh6;

namespace DualHome.Wire.Tests.Dhcpv6;

/// <summary>Each option writer byte by byte (radvd test/send.c style), with its RFC 8415 layout, and DUID builders.</summary>
public class OptionGoldenTests
{
    private static byte[] Written(Func<byte[], int> write)
    {
        var buffer = new byte[512];
        int length = write(buffer);
        return buffer[..length];
    }

    private static readonly IaPd Ia = new(Iaid, 900, 1440, [new IaPrefix(Delegated, 1800, 3600)], new Dhcpv6Status(Dhcpv6StatusCode.Success, "done"));
    private static readonly IaPrefix PrefixWithStatus = new(IPNetwork.Parse("2001:db8:b::/48"), 0, 0, new Dhcpv6Status(Dhcpv6StatusCode.NoPrefixAvail));
    private static readonly Dhcpv6Authentication Auth = new(3, 1, 0, 1, Convert.FromHexString("02000102030405060708090a0b0c0d0e0f"));

    public static TheoryData<string> Names => new(Cases.Keys);

    private static readonly Dictionary<string, (Func<byte[], int> Write, int Measured, string Hex)> Cases = new()
    {
        ["ClientId_DuidLl"] = (b => DuidOption.Write(Dhcpv6OptionCode.ClientId, Client, b), DuidOption.Measure(Client),
            "0001 000a  0003 0001 00005e005302"),               // §21.2: code 1, len 10, DUID-LL (§11.4)
        ["ServerId_DuidLlt"] = (b => DuidOption.Write(Dhcpv6OptionCode.ServerId, Server, b), DuidOption.Measure(Server),
            "0002 000e  0001 0001 2d4cae00 00005e005301"),      // §21.3: code 2, len 14, DUID-LLT (§11.2)
        ["IaPd_Empty"] = (b => IaPdOption.Write(new IaPd(7, 0, 0, []), b), IaPdOption.Measure(new IaPd(7, 0, 0, [])),
            "0019 000c  00000007 00000000 00000000"),           // §21.21: len 12 + options
        ["IaPd_WithPrefixAndStatus"] = (b => IaPdOption.Write(Ia, b), IaPdOption.Measure(Ia), """
            0019 0033  00000001 00000384 000005a0              # IA_PD len 51: IAID 1, T1 900, T2 1440
            001a 0019  00000708 00000e10 38                    #   IA Prefix len 25: 1800, 3600, /56
            20010db8 000a0000 00000000 00000000                #   2001:db8:a::
            000d 0006  0000 646f6e65                           #   Status Code len 6: Success "done"
            """),
        ["IaPrefix_Infinite"] = (b => IaPrefixOption.Write(new IaPrefix(Delegated, 0xffffffff, 0xffffffff), b),
            IaPrefixOption.Measure(new IaPrefix(Delegated, 0xffffffff, 0xffffffff)),
            "001a 0019  ffffffff ffffffff 38 20010db8 000a0000 00000000 00000000"), // §7.7: all ones = infinity
        ["IaPrefix_WithStatus"] = (b => IaPrefixOption.Write(PrefixWithStatus, b), IaPrefixOption.Measure(PrefixWithStatus), """
            001a 001f  00000000 00000000 30 20010db8 000b0000 00000000 00000000 # len 31 = 25 + 6, /48
            000d 0002  0006                                    #   Status Code len 2: NoPrefixAvail, no message
            """),
        ["OptionRequest"] = (b => OptionRequestOption.Write(Oro, b), OptionRequestOption.Measure(Oro),
            "0006 0004  0052 0017"),                           // §21.7: 2 octets per code
        ["OptionRequest_Empty"] = (b => OptionRequestOption.Write([], b), OptionRequestOption.Measure([]), "0006 0000"),
        ["ElapsedTime"] = (b => ElapsedTimeOption.Write(917, b), ElapsedTimeOption.Measure(917), "0008 0002 0395"),
        ["Preference"] = (b => PreferenceOption.Write(255, b), PreferenceOption.Measure(255), "0007 0001 ff"),
        ["StatusCode_Utf8"] = (b => StatusCodeOption.Write(new Dhcpv6Status(Dhcpv6StatusCode.NoBinding, "ça"), b),
            StatusCodeOption.Measure(new Dhcpv6Status(Dhcpv6StatusCode.NoBinding, "ça")),
            "000d 0005  0003 c3a761"),                         // §21.13: UTF-8, no NUL
        ["RapidCommit"] = (b => FlagOption.Write(Dhcpv6OptionCode.RapidCommit, b), FlagOption.Measure(true), "000e 0000"),
        ["ReconfigureAccept"] = (b => FlagOption.Write(Dhcpv6OptionCode.ReconfigureAccept, b), FlagOption.Measure(true), "0014 0000"),
        ["ReconfigureMessage_Renew"] = (b => ReconfigureMessageOption.Write(Dhcpv6MessageType.Renew, b),
            ReconfigureMessageOption.Measure(Dhcpv6MessageType.Renew), "0013 0001 05"),
        ["Authentication_ReconfigureKey"] = (b => AuthenticationOption.Write(Auth, b), AuthenticationOption.Measure(Auth), """
            000b 001c  03 01 00                                # §21.11 len 28: protocol 3 (§20.4), HMAC-MD5, RDM 0
            0000000000000001                                   #   replay detection 1
            02 000102030405060708090a0b0c0d0e0f                #   type 2 (HMAC-MD5 digest), 16 octets
            """),
        ["SolMaxRt"] = (b => MaxRtOption.Write(Dhcpv6OptionCode.SolMaxRt, 7200, b), MaxRtOption.Measure(7200), "0052 0004 00001c20"),
        ["InfMaxRt"] = (b => MaxRtOption.Write(Dhcpv6OptionCode.InfMaxRt, 86400, b), MaxRtOption.Measure(86400), "0053 0004 00015180"),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Writer_ProducesTheAnnotatedBytes_AndMeasureAgrees(string name)
    {
        (Func<byte[], int> write, int measured, string hex) = Cases[name];
        byte[] written = Written(write);
        Assert.Equal(Hex.Format(Hex.Parse(hex)), Hex.Format(written));
        Assert.Equal(written.Length, measured);
    }

    [Fact]
    public void DuidLl_IsTypeHardwareMac()
    {
        Duid duid = Duid.LinkLayer(Mac.Parse("02:00:5e:10:00:01"));
        Assert.Equal("0003 0001 02005e100001".Replace(" ", ""), duid.ToHex()); // §11.4
        Assert.Equal(DuidType.LinkLayer, duid.Type);
        Assert.Equal(Mac.Parse("02:00:5e:10:00:01"), duid.LinkLayerAddress);
    }

    [Theory]
    [InlineData("2000-01-01T00:00:00Z", "00000000")]
    [InlineData("2024-01-31T07:06:40Z", "2d4cae00")]   // Kea's configured time 760000000
    [InlineData("1970-01-01T00:00:00Z", "c792bc80")]   // a board without RTC: -946684800 mod 2^32 (§11.2)
    [InlineData("2136-02-07T06:28:16Z", "00000000")]   // 2^32 s after the origin wraps to 0
    public void DuidLlt_TimeIsSecondsSince2000_Modulo2To32(string time, string field)
    {
        Duid duid = Duid.LinkLayerPlusTime(ServerMac, DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"00010001{field}00005e005301", duid.ToHex());
        Assert.Equal(ServerMac, duid.LinkLayerAddress);
    }

    [Theory]
    [InlineData("0003000100005e005302", true)]
    [InlineData("00:03:00:01:00:00:5e:00:53:02", true)] // as Kea logs it
    [InlineData("0003", false)]                         // §11.1: a type code alone is no DUID
    [InlineData("00030", false)]
    [InlineData("zz03000100005e005302", false)]
    [InlineData("", false)]
    public void Duid_TryParse(string text, bool ok)
    {
        Assert.Equal(ok, Duid.TryParse(text, out Duid? duid));
        Assert.Equal(ok, duid is not null);
        if (ok) Assert.Equal(Client, duid);
    }

    [Fact]
    public void Duid_LongerThan130Octets_IsRefused()
    {
        Assert.True(Duid.TryCreate(new byte[130], out _));  // §11.1: at most 130 octets with the type code
        Assert.False(Duid.TryCreate(new byte[131], out _));
    }

    [Fact]
    public void Writer_RefusesWhatNoValidMessageHas()
    {
        var ok = new Dhcpv6Message { Type = Dhcpv6MessageType.Solicit, ClientId = Client };
        Assert.Throws<ArgumentException>(() => Write(ok with { TransactionId = 0x1000000 }));           // §8: 24 bits
        Assert.Throws<ArgumentException>(() => Write(ok with { Type = Dhcpv6MessageType.RelayForward })); // §9
        Assert.Throws<ArgumentException>(() => Write(ok with { IaPds = [new IaPd(1, 0, 0, [new IaPrefix(Delegated, 10, 5)])] })); // §21.22
        Assert.Throws<ArgumentException>(() => Write(ok with { IaPds = [new IaPd(1, 0, 0, [new IaPrefix(IPNetwork.Parse("10.0.0.0/8"), 0, 0)])] }));
        Assert.Throws<ArgumentException>(() => Write(ok with { OtherOptions = [new Dhcpv6RawOption(99, new byte[70_000])] })); // §21.1
    }
}
