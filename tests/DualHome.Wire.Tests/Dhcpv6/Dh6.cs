using System.Net;
using DualHome.Wire.Dhcpv6;
using DualHome.Wire.Ethernet;

namespace DualHome.Wire.Tests.Dhcpv6;

/// <summary>The identities and prefixes of the captures (TestData/capture-kea.sh): RFC 7042 documentation MACs,
/// RFC 3849 documentation prefixes.</summary>
internal static class Dh6
{
    public static readonly Mac RouterMac = Mac.Parse("00:00:5e:00:53:02");
    public static readonly Mac OtherRouterMac = Mac.Parse("00:00:5e:00:53:03");
    public static readonly Mac ServerMac = Mac.Parse("00:00:5e:00:53:01");

    /// <summary>Our DUID-LL (§11.4) from the uplink MAC.</summary>
    public static readonly Duid Client = Duid.LinkLayer(RouterMac);
    public static readonly Duid OtherClient = Duid.LinkLayer(OtherRouterMac);

    /// <summary>Kea's DUID-LLT (§11.2): its config fixes time 760000000 (2024-01-31) and the MAC.</summary>
    public static readonly Duid Server = Duid.LinkLayerPlusTime(ServerMac, Duid.TimeOrigin.AddSeconds(760_000_000));

    /// <summary>dhcp6c's DUID-LLT, written into its DUID file by the capture script (time 0x329ec977).</summary>
    public static readonly Duid Wide = Duid.LinkLayerPlusTime(RouterMac, Duid.TimeOrigin.AddSeconds(0x329e_c977));

    public const uint Iaid = 1;
    public static readonly IPNetwork Delegated = IPNetwork.Parse("2001:db8:a::/56");
    public static readonly IPNetwork Hint56 = new(IPAddress.IPv6Any, 56);
    public static readonly IReadOnlyList<ushort> Oro = [(ushort)Dhcpv6OptionCode.SolMaxRt, (ushort)Dhcpv6OptionCode.DnsServers];

    /// <summary>RFC 3646 option 23 as Kea sends it: 2001:db8:ffff::53 (kept raw by the reader).</summary>
    public static readonly Dhcpv6RawOption KeaDns = new(23, Convert.FromHexString("20010db8ffff00000000000000000053"));

    /// <summary>The IA_PD a client sends for the delegated prefix: T1, T2 and lifetimes 0 (§21.21, §21.22).</summary>
    public static readonly IaPd RequestedIa = new(Iaid, 0, 0, [new IaPrefix(Delegated, 0, 0)]);

    public static byte[] Write(Dhcpv6Message message)
    {
        var buffer = new byte[DualHome.Wire.Dhcpv6.Messages.Dhcpv6MessageWriter.Measure(message)];
        DualHome.Wire.Dhcpv6.Messages.Dhcpv6MessageWriter.Write(message, buffer);
        return buffer;
    }

    public static Dhcpv6Message Read(byte[] bytes)
    {
        Dhcpv6ReadResult result = DualHome.Wire.Dhcpv6.Messages.Dhcpv6MessageReader.TryRead(bytes, out Dhcpv6Message? message, out Dhcpv6OptionFault fault);
        Assert.Equal(Dhcpv6ReadResult.Ok, result);
        Assert.Equal(Dhcpv6OptionFault.None, fault);
        return message!;
    }
}
