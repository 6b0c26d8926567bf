namespace DualHome.Config.Options;

/// <summary>One ISP: the WAN interface, its next hop and the LAN /64 taken from its delegated prefix.</summary>
public sealed class UplinkOptions
{
    public string Name { get; set; } = "";
    public string Interface { get; set; } = "";
    /// <summary>The ISP router's address on the WAN link (usually link-local, e.g. fe80::1); empty or omitted: the
    /// router that sends Router Advertisements on the uplink.</summary>
    public string Gateway { get; set; } = "";
    /// <summary>The /64 from this ISP's prefix that the LAN uses (SLAAC needs a /64, RFC 4862 §5.5.3 d), or
    /// "dhcpv6-pd" (the default when omitted): ask the ISP for a prefix by DHCPv6 prefix delegation (RFC 8415).</summary>
    public string LanPrefix { get; set; } = "";
    /// <summary>With "dhcpv6-pd": which /64 of the delegated prefix the LAN uses (0 = the first).</summary>
    public long? SubnetId { get; set; }
    /// <summary>With "dhcpv6-pd": the prefix length to ask the ISP for (a hint, e.g. 56); omitted = take what it gives.</summary>
    public int? PrefixLengthHint { get; set; }
    /// <summary>This ISP's resolvers, advertised only while the uplink is up.</summary>
    public List<string> Dns { get; set; } = [];
    public ProbeOptions Probe { get; set; } = new();
}

/// <summary>Reachability probes through the uplink (used by the uplink monitor).</summary>
public sealed class ProbeOptions
{
    public List<string> Targets { get; set; } = [];
    public int IntervalMs { get; set; } = 100;
    public int DownAfter { get; set; } = 3;
    public int UpAfter { get; set; } = 5;
}
