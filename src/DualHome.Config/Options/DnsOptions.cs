namespace DualHome.Config.Options;

/// <summary>Keeping names in DNS in step with the working uplinks (RFC 2136 UPDATE signed with TSIG, RFC 8945).</summary>
public sealed class DnsOptions
{
    public List<DnsUpdateOptions> Updates { get; set; } = [];
}

/// <summary>One zone on one authoritative server.</summary>
public sealed class DnsUpdateOptions
{
    public string Server { get; set; } = "";
    public int Port { get; set; } = 53;
    public string Zone { get; set; } = "";
    /// <summary>Short, so resolvers drop a dead ISP's address soon after the update.</summary>
    public int Ttl { get; set; } = 60;
    public TsigKeyOptions Key { get; set; } = new();
    public List<DnsRecordOptions> Records { get; set; } = [];
}

public sealed class TsigKeyOptions
{
    public string Name { get; set; } = "";
    public string Algorithm { get; set; } = "hmac-sha256";
    /// <summary>Base64, as in BIND's key statement. Never logged or shown.</summary>
    public string Secret { get; set; } = "";
}

/// <summary>A name published as one AAAA per working uplink: that uplink's LAN prefix + <see cref="InterfaceId"/>.</summary>
public sealed class DnsRecordOptions
{
    /// <summary>Relative to the zone ("www"), or "@" for the zone apex.</summary>
    public string Name { get; set; } = "";
    /// <summary>The host's interface identifier, written as an address with a zero upper half ("::10").</summary>
    public string InterfaceId { get; set; } = "";
}
