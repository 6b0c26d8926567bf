using System.Net.NetworkInformation;

namespace DualHome.Wire.Nd.Options;

/// <summary>The options read from one message, before they become a model record.</summary>
internal sealed class NdOptionSet
{
    public PhysicalAddress? SourceLinkLayerAddress { get; set; }
    public PhysicalAddress? TargetLinkLayerAddress { get; set; }
    public uint? Mtu { get; set; }
    public List<PrefixInformation> Prefixes { get; } = [];
    public List<RouteInformation> Routes { get; } = [];
    public List<RecursiveDnsServers> DnsServers { get; } = [];
    public List<DnsSearchList> SearchLists { get; } = [];
}
