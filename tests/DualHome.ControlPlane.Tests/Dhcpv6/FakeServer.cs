using System.Net;
using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Dhcpv6.Messages;
using DualHome.Wire.Ethernet;

namespace DualHome.ControlPlane.Tests.Dhcpv6;

/// <summary>Builds a delegating router's answers to the client's messages (RFC 8415 §18.3), as bytes.</summary>
internal sealed class FakeServer(Duid duid)
{
    public static readonly FakeServer Kea = new(Duid.LinkLayerPlusTime(Mac.Parse("00:00:5e:00:53:01"), Duid.TimeOrigin.AddSeconds(760_000_000)));
    public static readonly FakeServer Other = new(Duid.LinkLayer(Mac.Parse("00:00:5e:00:53:09")));

    public static readonly IPNetwork PrefixA = IPNetwork.Parse("2001:db8:a::/56");
    public static readonly IPNetwork PrefixB = IPNetwork.Parse("2001:db8:a:100::/56");

    public Duid Duid { get; } = duid;

    public byte[] Advertise(Dhcpv6Message solicit, byte? preference = null, uint t1 = 900, uint t2 = 1440,
        uint preferred = 1800, uint valid = 3600, IPNetwork? prefix = null) =>
        (Message(Dhcpv6MessageType.Advertise, solicit, Ia(solicit, t1, t2, [new IaPrefix(prefix ?? PrefixA, preferred, valid)])) with { Preference = preference }).ToBytes();

    public byte[] Reply(Dhcpv6Message request, uint t1 = 900, uint t2 = 1440, uint preferred = 1800, uint valid = 3600,
        IPNetwork? prefix = null) =>
        Message(Dhcpv6MessageType.Reply, request, Ia(request, t1, t2, [new IaPrefix(prefix ?? PrefixA, preferred, valid)])).ToBytes();

    public byte[] Reply(Dhcpv6Message request, IaPd ia) => Message(Dhcpv6MessageType.Reply, request, ia).ToBytes();

    public byte[] ReplyWithIaStatus(Dhcpv6Message request, Dhcpv6StatusCode code) =>
        Message(Dhcpv6MessageType.Reply, request, new IaPd(request.IaPds.Single().Iaid, 0, 0, [], new Dhcpv6Status(code, code.ToString()))).ToBytes();

    public byte[] AdvertiseWithIaStatus(Dhcpv6Message solicit, Dhcpv6StatusCode code) =>
        Message(Dhcpv6MessageType.Advertise, solicit, new IaPd(solicit.IaPds.Single().Iaid, 0, 0, [], new Dhcpv6Status(code, code.ToString()))).ToBytes();

    public static IaPd Ia(Dhcpv6Message from, uint t1, uint t2, IReadOnlyList<IaPrefix> prefixes) =>
        new(from.IaPds.Single().Iaid, t1, t2, prefixes);

    /// <summary>The answer as a model, for a test that changes it before sending.</summary>
    public Dhcpv6Message Message(Dhcpv6MessageType type, Dhcpv6Message to, IaPd ia) => new()
    {
        Type = type,
        TransactionId = to.TransactionId,
        ClientId = to.ClientId,
        ServerId = Duid,
        IaPds = [ia],
    };
}

internal static class FakeServerMessages
{
    public static byte[] ToBytes(this Dhcpv6Message message) => Dhcpv6MessageWriter.ToArray(message);
}
