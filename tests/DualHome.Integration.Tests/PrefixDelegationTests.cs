using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DualHome.Testbed;
using DualHome.Testbed.Probing;

namespace DualHome.Integration.Tests;

/// <summary>
/// Issue 8 end to end, with a real Kea DHCPv6 server in each ISP: the router numbers its LAN from each ISP's
/// delegation ("LanPrefix": "dhcpv6-pd"), the host gets an address from both and each exits through its own ISP;
/// a restart keeps the same prefixes; a delegation that runs out leaves the uplink down; with neither Gateway nor
/// LanPrefix configured both are learnt. Renumbering: <see cref="RenumberingTests"/>.
/// </summary>
public sealed partial class PrefixDelegationTests : SiteTest
{
    internal static void Delegated(JsonObject c, params Isp[] isps)
    {
        foreach (var u in c["Uplinks"]!.AsArray())
            if (isps.Any(i => Topology.Letter(i) == (string)u!["Name"]!)) u!["LanPrefix"] = "dhcpv6-pd";
    }

    [Fact(Timeout = 150_000)]
    public Task Both_isps_delegate_the_host_uses_both_and_a_restart_keeps_the_prefixes() => WithSiteAsync(async site =>
    {
        foreach (var isp in Topology.Isps) await site.StartKeaAsync(isp);
        var clock = Stopwatch.StartNew();
        await site.StartDaemonAsync(c => Delegated(c, Isp.A, Isp.B));
        var addresses = new Dictionary<Isp, AddressInfo>();
        foreach (var isp in Topology.Isps)
            addresses[isp] = await site.WaitForHostAddressAsync(Topology.Delegated(isp), TimeSpan.FromSeconds(30), Cancel);
        Log($"host addresses {addresses[Isp.A]} and {addresses[Isp.B]} {clock.ElapsedMilliseconds} ms after the start");
        var lans = await LanPrefixesAsync(site);
        foreach (var isp in Topology.Isps)
        {
            // SubnetId 0 of the delegated /56: the /64 at its start.
            Assert.True(lans[isp].Contains(addresses[isp].Address), $"{addresses[isp]} is not in {lans[isp]}");
            Assert.Equal(0, lans[isp].BaseAddress.GetAddressBytes()[7]);
            // RFC 9096 §3.3: the PIO promises no more than is left of Kea's 3600 s (the configured 5400 s is capped).
            Assert.InRange(addresses[isp].ValidLifetime, 3000, 3540);
            var exit = await site.TraceExitAsync(addresses[isp].Address);
            Log($"from {addresses[isp].Address}: {exit}");
            Assert.True(exit.Tcp.Connected, exit.ToString());
            Assert.Equal(isp, exit.CarriedBy);
            Assert.True(exit.NoIngressDrops, exit.ToString());
        }

        Assert.Equal(0, (await site.StopDaemonAsync()).ExitCode);
        await site.RestartDaemonOnSameConfigAsync();
        var again = await PollLanPrefixesAsync(site, TimeSpan.FromSeconds(20));
        Log($"after a restart: {again[Isp.A]}, {again[Isp.B]}");
        Assert.Equal(lans, again); // same DUID and IAID from the state directory: Kea finds the bindings again
        foreach (var isp in Topology.Isps)
            Assert.NotNull(await site.WaitForHostAddressAsync(Topology.Delegated(isp), TimeSpan.FromSeconds(15), Cancel));
    });

    [Fact(Timeout = 150_000)]
    public Task A_delegation_that_runs_out_takes_the_uplink_down() => WithSiteAsync(async site =>
    {
        await site.StartKeaAsync(Isp.A, new KeaSettings(Preferred: 30, Valid: 40, Renew: 2, Rebind: 3));
        await site.StartDaemonAsync(c => Delegated(c, Isp.A));
        var a = await site.WaitForHostAddressAsync(Topology.Delegated(Isp.A), TimeSpan.FromSeconds(30), Cancel);
        await site.StopKeaAsync(Isp.A); // no Renew nor Rebind is answered: the lease ends after its 40 s
        Assert.True(await site.WaitForAsync(async () => (await site.HostAddressesAsync()).Any(x => x.Address.Equals(a.Address) && x.Deprecated),
            TimeSpan.FromSeconds(60), Cancel), $"{a.Address} was not deprecated after the delegation ran out");
        var status = (await site.CtlAsync("show", "status")).Stdout;
        Log(status);
        Assert.Matches(@"uplink a: DHCPv6-PD on \S+: no delegation", status);
        var b = await site.WaitForHostAddressAsync(Topology.LanPrefix(Isp.B), TimeSpan.FromSeconds(5), Cancel);
        var exit = await site.TraceExitAsync(b.Address);
        Log($"from {b.Address}: {exit}");
        Assert.Equal(Isp.B, exit.CarriedBy);
    });

    [Fact(Timeout = 150_000)]
    public Task A_home_configuration_needs_only_the_interfaces() => WithSiteAsync(async site =>
    {
        foreach (var isp in Topology.Isps)
        {
            await site.StartKeaAsync(isp);
            await site.StartIspRadvdAsync(isp);
        }
        await site.StartDaemonAsync(c =>
        {
            foreach (var u in c["Uplinks"]!.AsArray())
            {
                u!.AsObject().Remove("Gateway");   // learnt from the ISP's Router Advertisements
                u.AsObject().Remove("LanPrefix"); // delegated by the ISP's DHCPv6 server
            }
        });
        foreach (var isp in Topology.Isps)
        {
            var address = await site.WaitForHostAddressAsync(Topology.Delegated(isp), TimeSpan.FromSeconds(40), Cancel);
            var exit = await site.TraceExitAsync(address.Address);
            Log($"from {address.Address}: {exit}");
            Assert.Equal(isp, exit.CarriedBy);
            Assert.True(exit.NoIngressDrops, exit.ToString());
        }
        var status = (await site.CtlAsync("show", "status")).Stdout;
        Log(status);
        Assert.Matches(@"(?m)uplink a: gateway from Router Advertisements on wana: fe80::[0-9a-f:]+$", status); // no %scope
        Assert.Matches(@"(?m)uplink b: gateway from Router Advertisements on wanb: fe80::[0-9a-f:]+$", status);
    });

    internal sealed record Renumbering(DateTimeOffset Time, string Old, string New, string Line);

    internal static List<Renumbering> Renumberings(Site site) =>
        site.Router!.ReadLog().Split('\n').Select(l => (Line: l, M: RenumberLine().Match(l))).Where(x => x.M.Success)
            .Select(x => new Renumbering(DateTimeOffset.Parse(x.M.Groups[1].Value, CultureInfo.InvariantCulture), x.M.Groups[2].Value, x.M.Groups[3].Value, x.Line))
            .ToList();

    /// <summary>The LAN /64 of each delegated uplink, from `show status`.</summary>
    private static async Task<Dictionary<Isp, IPNetwork>> LanPrefixesAsync(Site site)
    {
        var status = (await site.CtlAsync("show", "status")).Stdout;
        Log(status);
        var result = new Dictionary<Isp, IPNetwork>();
        foreach (Match m in StatusLine().Matches(status))
            result[m.Groups[1].Value == "a" ? Isp.A : Isp.B] = IPNetwork.Parse(m.Groups[2].Value);
        return result;
    }

    private static async Task<Dictionary<Isp, IPNetwork>> PollLanPrefixesAsync(Site site, TimeSpan timeout)
    {
        Dictionary<Isp, IPNetwork> lans = [];
        await site.WaitForAsync(async () => (lans = await LanPrefixesAsync(site)).Count == 2, timeout, Cancel);
        return lans;
    }

    [GeneratedRegex(@"^(\S+) WRN uplink \S+: LAN prefix (\S+) → (\S+) ", RegexOptions.Multiline)]
    private static partial Regex RenumberLine();

    [GeneratedRegex(@"uplink (\w+): DHCPv6-PD on \S+: \S+ \(\w+, .*?LAN (\S+)\)")]
    private static partial Regex StatusLine();
}
