namespace DualHome.Testbed;

/// <summary>The host's own settings that a scenario may choose.</summary>
public sealed partial class Site
{
    /// <summary>RFC 6724 label the host gives the other ISP's /48 so that <see cref="PreferHostSourceAsync"/> works.</summary>
    private const int OtherLabel = 99;

    /// <summary>
    /// Makes <paramref name="primary"/>'s address the host's first choice for new connections while both addresses
    /// are preferred. With both preferred, the choice otherwise falls to the last tie-break (the address configured
    /// last wins, testbed.md). This labels the other ISP's /48 differently from the server in the host's RFC 6724
    /// policy table (<c>ip addrlabel</c>), so rule 6 (matching label) picks <paramref name="primary"/>; rule 3
    /// (avoid deprecated addresses) still comes first, so a deprecated primary loses as on any host. Only the
    /// host's source choice changes; null removes the preference.
    /// </summary>
    public async Task PreferHostSourceAsync(Isp? primary)
    {
        foreach (var isp in Topology.Isps)
            await ExecAsync(Node.Host, "ip", "-6", "addrlabel", "del", "prefix", Topology.Delegated(isp).ToString(), "label", OtherLabel.ToString());
        if (primary is not { } p) return;
        await ExecCheckedAsync(Node.Host, "ip", "-6", "addrlabel", "add", "prefix", Topology.Delegated(Topology.Other(p)).ToString(),
            "label", OtherLabel.ToString());
    }
}
