using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Tests.Support;
using static DualHome.Wire.Tests.Dhcpv6.Dh6;

namespace DualHome.Wire.Tests.Dhcpv6;

/// <summary>
/// The reference client dhcp6c (wide-dhcpv6 20080615) through a whole delegation against Kea 2.2.0
/// (<see cref="WideCaptures"/>): every message reads, writes back to the same model, and carries what RFC 8415
/// asks of its type the same way our client's messages do.
/// </summary>
public class WideCaptureTests
{
    public static TheoryData<string> Names => new(Cases.Keys);

    private static readonly Dictionary<string, byte[]> Cases = new()
    {
        ["Solicit"] = WideCaptures.Solicit,
        ["Advertise"] = WideCaptures.Advertise,
        ["Request"] = WideCaptures.Request,
        ["ReplyToRequest"] = WideCaptures.ReplyToRequest,
        ["Renew"] = WideCaptures.Renew,
        ["ReplyToRenew"] = WideCaptures.ReplyToRenew,
        ["RenewRetransmitted"] = WideCaptures.RenewRetransmitted,
        ["Rebind"] = WideCaptures.Rebind,
        ["ReplyToRebind"] = WideCaptures.ReplyToRebind,
        ["Release"] = WideCaptures.Release,
        ["ReplyToRelease"] = WideCaptures.ReplyToRelease,
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void AnnotatedHex_IsTheCapturedPayload(string name) =>
        Assert.Equal(RawCaptures.Payloads["wide." + name], Hex.Format(Cases[name]));

    [Theory]
    [MemberData(nameof(Names))]
    public void Reads_AndWritesBackToTheSameModel(string name)
    {
        Dhcpv6Message message = Read(Cases[name]);
        Assert.Equal(message, Read(Write(message)));
        Assert.Equal(Cases[name].Length, Write(message).Length);
    }

    [Theory]
    [InlineData("Solicit", Dhcpv6MessageType.Solicit, false, true)]
    [InlineData("Request", Dhcpv6MessageType.Request, true, true)]
    [InlineData("Renew", Dhcpv6MessageType.Renew, true, true)]
    [InlineData("Rebind", Dhcpv6MessageType.Rebind, false, true)]
    [InlineData("Release", Dhcpv6MessageType.Release, true, false)]
    public void ClientMessages_CarryWhatTheRfcAsks_LikeOurs(string name, Dhcpv6MessageType type, bool serverId, bool oro)
    {
        Dhcpv6Message message = Read(Cases[name]);
        Assert.Equal(type, message.Type);
        Assert.Equal(Wide, message.ClientId);              // §18.2: every client message identifies the client
        Assert.Equal(serverId, message.ServerId is not null); // §18.2.2, §18.2.4, §18.2.7 yes; §18.2.1, §18.2.5 no
        Assert.Equal(oro, message.RequestedOptions is not null);
        Assert.Equal((ushort)0, message.ElapsedTime);       // §21.9: first transmission
        Assert.Equal(Iaid, message.IaPds.Single().Iaid);
        Assert.False(message.ReconfigureAccept);            // neither client accepts Reconfigure
    }

    [Fact]
    public void Bound_IaPd_HasKeasShortTimers()
    {
        IaPd ia = Read(WideCaptures.ReplyToRebind).IaPds.Single();
        Assert.Equal(new IaPd(Iaid, 30, 45, [new IaPrefix(Delegated, 60, 90)]), ia);
    }

    [Fact]
    public void Retransmission_KeepsTheTransactionId_AndCountsElapsedTime()
    {
        Dhcpv6Message first = Read(RawCaptures.Bytes("wide.RenewDropped"));
        Dhcpv6Message again = Read(WideCaptures.RenewRetransmitted);
        Assert.Equal(first.TransactionId, again.TransactionId); // §15: a retransmission is the same exchange
        Assert.Equal((ushort)917, again.ElapsedTime);            // 9.17 s: REN_TIMEOUT 10 s with RAND ≈ -0.08
    }
}
