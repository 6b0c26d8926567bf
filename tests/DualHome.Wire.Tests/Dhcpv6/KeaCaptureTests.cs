using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Dhcpv6.Dh6;

namespace DualHome.Wire.Tests.Dhcpv6;

/// <summary>Kea 2.2.0's answers to our messages (<see cref="KeaCaptures"/>), read into models and written back.</summary>
public class KeaCaptureTests
{
    private static readonly IaPd BoundIa = new(Iaid, 900, 1440, [new IaPrefix(Delegated, 1800, 3600)]);

    private static Dhcpv6Message KeaAnswer(Dhcpv6MessageType type, uint transactionId) => new()
    {
        Type = type,
        TransactionId = transactionId,
        ClientId = Client,
        ServerId = Server,
        IaPds = [BoundIa],
        SolMaxRt = 7200,
        OtherOptions = [KeaDns],
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    private static readonly Dictionary<string, (byte[] Annotated, string Capture, Dhcpv6Message Expected)> Cases = new()
    {
        ["Advertise"] = (KeaCaptures.Advertise, "ours.Advertise", KeaAnswer(Dhcpv6MessageType.Advertise, 0x123456)),
        ["ReplyToRequest"] = (KeaCaptures.ReplyToRequest, "ours.ReplyToRequest", KeaAnswer(Dhcpv6MessageType.Reply, 0x234567)),
        ["ReplyToRenew"] = (KeaCaptures.ReplyToRenew, "ours.ReplyToRenew", KeaAnswer(Dhcpv6MessageType.Reply, 0x345678)),
        ["ReplyToRebind"] = (KeaCaptures.ReplyToRebind, "ours.ReplyToRebind", KeaAnswer(Dhcpv6MessageType.Reply, 0x456789)),
        ["ReplyToRenewAfterRelease"] = (KeaCaptures.ReplyToRenewAfterRelease, "ours.ReplyToRenewAfterRelease",
            KeaAnswer(Dhcpv6MessageType.Reply, 0x789abc)),
        ["AdvertiseNoPrefixAvail"] = (KeaCaptures.AdvertiseNoPrefixAvail, "ours.AdvertiseNoPrefixAvail",
            KeaAnswer(Dhcpv6MessageType.Advertise, 0x6789ab) with
            {
                ClientId = OtherClient,
                IaPds = [new IaPd(Iaid, 0, 0, [], new Dhcpv6Status(Dhcpv6StatusCode.NoPrefixAvail, "Sorry, no prefixes could be allocated."))],
            }),
        ["ReplyToRelease"] = (KeaCaptures.ReplyToRelease, "ours.ReplyToRelease", new Dhcpv6Message
        {
            Type = Dhcpv6MessageType.Reply, TransactionId = 0x56789a, ClientId = Client, ServerId = Server,
            Status = new Dhcpv6Status(Dhcpv6StatusCode.Success, "Summary status for all processed IA_NAs"),
            IaPds = [new IaPd(Iaid, 0, 0, [], new Dhcpv6Status(Dhcpv6StatusCode.Success, "Lease released. Thank you, please come again."))],
        }),
        ["ReplyNoBinding"] = (KeaCaptures.ReplyNoBinding, "ours.ReplyNoBinding", new Dhcpv6Message
        {
            Type = Dhcpv6MessageType.Reply, TransactionId = 0x9abcde, ClientId = Client, ServerId = Server,
            Status = new Dhcpv6Status(Dhcpv6StatusCode.NoBinding, "Summary status for all processed IA_NAs"),
            IaPds = [new IaPd(Iaid, 0, 0, [], new Dhcpv6Status(Dhcpv6StatusCode.NoBinding, "Sorry, no known leases for this duid/iaid, can't release."))],
        }),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void AnnotatedHex_IsTheCapturedPayload(string name)
    {
        (byte[] annotated, string capture, _) = Cases[name];
        Assert.Equal(RawCaptures.Payloads[capture], Hex.Format(annotated));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Reader_BuildsTheExpectedModel(string name)
    {
        (byte[] annotated, _, Dhcpv6Message expected) = Cases[name];
        Assert.Equal(expected, Read(annotated));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Model_WrittenBack_ReadsTheSame(string name)
    {
        // Our writer puts options in its own order (Kea puts the IA_PD before SOL_MAX_RT, DNS before both), so the
        // round trip is compared as models, and its length as bytes.
        (byte[] annotated, _, Dhcpv6Message expected) = Cases[name];
        byte[] written = Write(expected);
        Assert.Equal(annotated.Length, written.Length);
        Assert.Equal(expected, Read(written));
    }

    [Fact]
    public void ServerDuid_IsKeasConfiguredLinkLayerPlusTime()
    {
        Dhcpv6Message advertise = Read(KeaCaptures.Advertise);
        Assert.Equal(DuidType.LinkLayerPlusTime, advertise.ServerId!.Type);
        Assert.Equal(ServerMac, advertise.ServerId.LinkLayerAddress);
        Assert.Equal("00:01:00:01:2d:4c:ae:00:00:00:5e:00:53:01", advertise.ServerId.ToString()); // as Kea logs it
    }

    [Fact]
    public void Advertise_HasNoPreferenceOption_SoItCountsAsZero()
    {
        // §18.2.9: an Advertise without Preference is treated as preference 0: Kea sends none by default.
        Assert.Null(Read(KeaCaptures.Advertise).Preference);
    }
}
