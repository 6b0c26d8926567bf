using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Dhcpv6.Messages;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Dhcpv6.Dh6;

namespace DualHome.Wire.Tests.Dhcpv6;

/// <summary>
/// Every message the client builds, byte by byte (radvd test/send.c style), and each equal to what went on the wire
/// when TestData/capture-kea.sh replayed it to Kea 2.2.0 (which answered each: see <see cref="KeaCaptureTests"/>).
/// </summary>
public class MessageGoldenTests
{
    private const string ClientId = "0001 000a 0003 0001 00005e005302";         // Client Identifier: DUID-LL, Ethernet, 00:00:5e:00:53:02
    private const string ServerId = "0002 000e 0001 0001 2d4cae00 00005e005301"; // Server Identifier: Kea's DUID-LLT
    private const string Elapsed0 = "0008 0002 0000";                            // Elapsed Time 0: the first transmission (§21.9)
    private const string OroHex = "0006 0004 0052 0017";                            // ORO: SOL_MAX_RT (82, §18.2.1 MUST), DNS servers (23)
    private const string IaPdDelegated = """
        0019 0029 00000001 00000000 00000000   # IA_PD, len 41: IAID 1, T1 0, T2 0 (§21.21: SHOULD be 0 from a client)
          001a 0019 00000000 00000000 38       #   IA Prefix, len 25: lifetimes 0 (§21.22), /56
          20010db8 000a0000 00000000 00000000  #   2001:db8:a::
        """;

    public static TheoryData<string> Names => new(Cases.Keys);

    private static readonly Dictionary<string, (Dhcpv6Message Model, string Hex, string Capture)> Cases = new()
    {
        ["Solicit_WithPrefixLengthHint"] = (new Dhcpv6Message
        {
            Type = Dhcpv6MessageType.Solicit, TransactionId = 0x123456, ClientId = Dh6.Client, ElapsedTime = 0,
            RequestedOptions = Oro, IaPds = [new IaPd(Iaid, 0, 0, [new IaPrefix(Hint56, 0, 0)])],
        }, $"""
            01 123456                              # Solicit, transaction-id 0x123456
            {ClientId}
            {Elapsed0}
            {OroHex}
            0019 0029 00000001 00000000 00000000   # IA_PD, len 41: IAID 1, T1 0, T2 0
              001a 0019 00000000 00000000 38       #   IA Prefix hint (§18.2.1): lifetimes 0, /56
              00000000 00000000 00000000 00000000  #   ::
            """, "ours.Solicit"),
        ["Solicit_WithoutHint"] = (new Dhcpv6Message
        {
            Type = Dhcpv6MessageType.Solicit, TransactionId = 0x6789ab, ClientId = OtherClient, ElapsedTime = 0,
            RequestedOptions = Oro, IaPds = [new IaPd(Iaid, 0, 0, [])],
        }, $"""
            01 6789ab                              # Solicit, transaction-id 0x6789ab
            0001 000a 0003 0001 00005e005303       # Client Identifier: DUID-LL 00:00:5e:00:53:03
            {Elapsed0}
            {OroHex}
            0019 000c 00000001 00000000 00000000   # IA_PD, len 12: IAID 1, T1 0, T2 0, empty
            """, "ours.SolicitB"),
        ["Request"] = (Build(Dhcpv6MessageType.Request, 0x234567, withServer: true), $"""
            03 234567                              # Request, transaction-id 0x234567
            {ClientId}
            {ServerId}                             # §18.2.2: the server chosen from its Advertise
            {Elapsed0}
            {OroHex}
            {IaPdDelegated}
            """, "ours.Request"),
        ["Renew"] = (Build(Dhcpv6MessageType.Renew, 0x345678, withServer: true), $"""
            05 345678                              # Renew, transaction-id 0x345678
            {ClientId}
            {ServerId}                             # §18.2.4: the server that delegated
            {Elapsed0}
            {OroHex}
            {IaPdDelegated}
            """, "ours.Renew"),
        ["Rebind"] = (Build(Dhcpv6MessageType.Rebind, 0x456789, withServer: false), $"""
            06 456789                              # Rebind, transaction-id 0x456789: no Server Identifier (§18.2.5)
            {ClientId}
            {Elapsed0}
            {OroHex}
            {IaPdDelegated}
            """, "ours.Rebind"),
        ["Release"] = (Build(Dhcpv6MessageType.Release, 0x56789a, withServer: true) with { RequestedOptions = null }, $"""
            08 56789a                              # Release, transaction-id 0x56789a: no ORO (§18.2.7)
            {ClientId}
            {ServerId}
            {Elapsed0}
            {IaPdDelegated}
            """, "ours.Release"),
    };

    private static Dhcpv6Message Build(Dhcpv6MessageType type, uint transactionId, bool withServer) => new()
    {
        Type = type, TransactionId = transactionId, ClientId = Dh6.Client, ServerId = withServer ? Server : null,
        ElapsedTime = 0, RequestedOptions = Oro, IaPds = [RequestedIa],
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Writer_BuildsTheAnnotatedBytes(string name)
    {
        (Dhcpv6Message model, string hex, _) = Cases[name];
        Assert.Equal(Hex.Format(Hex.Parse(hex)), Hex.Format(Write(model)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TheBytesAreThoseKeaWasSent(string name)
    {
        (_, string hex, string capture) = Cases[name];
        Assert.Equal(RawCaptures.Payloads[capture], Hex.Format(Hex.Parse(hex)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Reader_GivesTheModelBack(string name)
    {
        (Dhcpv6Message model, string hex, _) = Cases[name];
        Assert.Equal(model, Read(Hex.Parse(hex)));
    }

    [Fact]
    public void Retransmission_CarriesTheElapsedTime()
    {
        // §21.9: hundredths of a second; §15: a retransmission updates it. 0x0395 = 9.17 s, as dhcp6c sent it.
        Dhcpv6Message renew = Cases["Renew"].Model with { ElapsedTime = Dhcpv6ElapsedTime.From(TimeSpan.FromSeconds(9.17)) };
        Assert.Equal("0008 0002 0395".Replace(" ", ""), Hex.Format(Write(renew)).Substring(72, 12));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(9.999, 999)]
    [InlineData(655.34, 65534)]
    [InlineData(655.35, 0xffff)]
    [InlineData(86400, 0xffff)] // §21.9: 0xffff for 655.35 s or more
    [InlineData(-1, 0)]
    public void ElapsedTime_InHundredths_Saturating(double seconds, int expected)
    {
        Assert.Equal(expected, Dhcpv6ElapsedTime.From(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Measure_IsTheWrittenLength_AndTryWriteRefusesASmallBuffer()
    {
        Dhcpv6Message request = Cases["Request"].Model;
        int length = Dhcpv6MessageWriter.Measure(request);
        Assert.Equal(Hex.Parse(Cases["Request"].Hex).Length, length);
        Assert.False(Dhcpv6MessageWriter.TryWrite(request, new byte[length - 1], out int written));
        Assert.Equal(0, written);
        Assert.Throws<ArgumentException>(() => Dhcpv6MessageWriter.Write(request, new byte[length - 1]));
    }
}
