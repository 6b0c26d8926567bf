namespace DualHome.Config.Options;

public sealed class LanOptions
{
    public string Interface { get; set; } = "lan0";
    /// <summary>Resolvers advertised in RDNSS (RFC 8106) whatever the uplinks' state.</summary>
    public List<string> Dns { get; set; } = [];
    /// <summary>Search domains advertised in DNSSL (RFC 8106 §5.2).</summary>
    public List<string> Domains { get; set; } = [];
    public RaOptions Ra { get; set; } = new();
}

/// <summary>Router Advertisement settings; names follow RFC 4861 §6.2.1 AdvXxx variables.</summary>
public sealed class RaOptions
{
    /// <summary>RFC 4861 §6.2.1: 3 s .. 0.75 × Max; unset = 0.33 × Max (the RFC default).</summary>
    public int? MinIntervalSeconds { get; set; }
    /// <summary>RFC 4861 §6.2.1 as updated by RFC 8319 §4: 4 .. 1800 s (default 600).</summary>
    public int MaxIntervalSeconds { get; set; } = 600;
    /// <summary>RFC 8319 §4: 0 or Max .. 9000 s; unset = 3 × Max.</summary>
    public int? RouterLifetimeSeconds { get; set; }
    /// <summary>RFC 9096 §3.5: ND_PREFERRED_LIMIT 2700 s.</summary>
    public uint PreferredLifetimeSeconds { get; set; } = 2700;
    /// <summary>RFC 9096 §3.5: ND_VALID_LIMIT 5400 s.</summary>
    public uint ValidLifetimeSeconds { get; set; } = 5400;
    /// <summary>RFC 4861 §6.2.1 AdvCurHopLimit (0 = unspecified).</summary>
    public int HopLimit { get; set; } = 64;
    /// <summary>AdvLinkMTU; unset = the LAN interface's MTU, 0 = no MTU option.</summary>
    public int? Mtu { get; set; }
    /// <summary>RFC 4191 §2.2 default router preference: low, medium, high.</summary>
    public string Preference { get; set; } = "medium";
}
