using DualHome.Wire.Nd.Options;

namespace DualHome.Wire.Nd.Messages;

/// <summary>Sizes a Router Advertisement before it is written, and against a link MTU.</summary>
public static class RaSizing
{
    /// <summary>
    /// The exact number of bytes <see cref="RouterAdvertisementWriter.Write"/> will produce. Also checks the model:
    /// throws <see cref="ArgumentException"/> for one that breaks a MUST (see the writer).
    /// </summary>
    public static int Measure(RouterAdvertisement ra)
    {
        RouterAdvertisementRules.Validate(ra);
        int length = NdConstants.RouterAdvertisementLength;
        LinkLayerAddressOption.RequireEthernet(ra.SourceLinkLayerAddress);
        length += LinkLayerAddressOption.Measure(ra.SourceLinkLayerAddress);
        length += MtuOption.Measure(ra.Mtu);
        length += ra.Prefixes.Sum(PrefixInformationOption.Measure);
        length += ra.Routes.Sum(RouteInformationOption.Measure);
        length += ra.DnsServers.Sum(RecursiveDnsServerOption.Measure);
        length += ra.SearchLists.Sum(DnsSearchListOption.Measure);
        return length;
    }

    /// <summary>The largest ICMPv6 message an unfragmented packet can carry on a link: MTU minus the 40-byte IPv6 header (RFC 8200 §3).</summary>
    public static int MaxMessageLength(int linkMtu) => linkMtu - NdConstants.Ipv6HeaderLength;

    /// <summary>
    /// True when the RA fits one packet on the link. RFC 4861 §6.2.3: when all options do not fit the link MTU,
    /// "multiple advertisements can be sent, each containing a subset of the options".
    /// </summary>
    public static bool FitsLink(RouterAdvertisement ra, int linkMtu) => Measure(ra) <= MaxMessageLength(linkMtu);
}
