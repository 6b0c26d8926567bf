using System.Net;
using System.Text.RegularExpressions;
using DualHome.Testbed;

namespace DualHome.Integration.Tests;

/// <summary>
/// The DHCPv6-PD client against a real Kea in each ISP (issue 8, first part): `dualhomed dhcpv6` on each uplink gets
/// a /56 from that ISP's /48, and asking again with the identity kept in the state directory gets the same prefix.
/// (The router numbering its LAN from the delegations: PrefixDelegationTests.)
/// </summary>
public sealed partial class Dhcpv6Tests : SiteTest
{
    [Fact(Timeout = 120_000)]
    public Task Each_uplink_gets_a_prefix_from_its_isp_and_the_same_one_again() => WithSiteAsync(async site =>
    {
        var state = Path.Combine(site.WorkDirectory, "state");
        foreach (var isp in Topology.Isps)
        {
            await site.StartKeaAsync(isp);
            var first = await AskAsync(site, isp, state);
            var again = await AskAsync(site, isp, state);
            Log($"ISP {isp}: {first} then {again}");

            Assert.Equal(56, first.PrefixLength);
            Assert.True(Topology.Delegated(isp).Contains(first.BaseAddress), $"{first} is not from {Topology.Delegated(isp)}");
            Assert.Equal(first, again); // same DUID and IAID from the state directory: Kea's binding is found again
        }
        Assert.True(File.Exists(Path.Combine(state, "dhcpv6-wana.id")), "the identity of wana was not kept");
    });

    private static async Task<IPNetwork> AskAsync(Site site, Isp isp, string state)
    {
        var r = await site.ExecAsync(Node.Router,
            [DualHome.Testbed.Router.DaemonBinary.Require(), "dhcpv6", "--interface", Topology.RouterWan(isp), "--state", state, "--timeout", "15"],
            TimeSpan.FromSeconds(30));
        Log(r.Stdout + r.Stderr);
        Assert.True(r.Ok, $"dualhomed dhcpv6 on {Topology.RouterWan(isp)} failed: exit {r.ExitCode}: {r.Stderr}");
        var m = Delegated().Match(r.Stdout);
        Assert.True(m.Success, r.Stdout);
        return IPNetwork.Parse(m.Groups[1].Value);
    }

    [GeneratedRegex(@"delegated (\S+) \(")]
    private static partial Regex Delegated();
}
