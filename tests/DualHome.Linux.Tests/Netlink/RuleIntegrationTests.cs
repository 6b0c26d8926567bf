using System.Net;
using System.Text.Json;
using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Netlink;

/// <summary>
/// Policy routing rules against a real kernel, inside a throwaway namespace with veth pairs lan0/host0 and
/// wana/isp0; every change is checked with iproute2's own view (<c>ip -6 -j rule show</c>).
/// </summary>
public sealed class RuleIntegrationTests : IDisposable
{
    private static readonly Ipv6Rule LookupMainFromA = new(1000)
    {
        IncomingInterface = "lan0",
        Source = IPNetwork.Parse("2001:db8:a:1::/64"),
        Table = RouteTables.Main,
    };

    private static readonly Ipv6Rule BlackholeFromLan = new(1010) { IncomingInterface = "lan0", Action = RuleAction.Blackhole };

    private readonly TestNetns? _netns;
    private readonly Rtnetlink? _netlink;

    public RuleIntegrationTests()
    {
        if (!Privileges.IsRoot)
        {
            return;
        }

        _netns = new TestNetns();
        try
        {
            _netns.AddVethPair("lan0", "host0");
            _netns.AddVethPair("wana", "isp0");
            _netlink = _netns.Run(Rtnetlink.Open);
        }
        catch
        {
            Dispose(); // xunit does not dispose a test class whose constructor threw
            throw;
        }
    }

    private Rtnetlink Netlink => _netlink!;

    private TestNetns Netns => _netns!;

    [Fact]
    public void AddRules_AreWhatIproute2Shows_AndDeleteRemovesThem()
    {
        Root.Require();

        Assert.True(Netlink.AddRule(LookupMainFromA));
        Assert.True(Netlink.AddRule(BlackholeFromLan));

        var shown = ShownRules();
        var lookup = shown[1000];
        Assert.Equal(
            ("2001:db8:a:1::", 64, "lan0", "main", "100"),
            (Text(lookup, "src"), lookup.GetProperty("srclen").GetInt32(), Text(lookup, "iif"), Text(lookup, "table"), Text(lookup, "protocol")));
        var blackhole = shown[1010];
        Assert.Equal(
            ("all", "lan0", "blackhole", "100"),
            (Text(blackhole, "src"), Text(blackhole, "iif"), Text(blackhole, "action"), Text(blackhole, "protocol")));

        Assert.True(Netlink.DeleteRule(LookupMainFromA));
        Assert.True(Netlink.DeleteRule(BlackholeFromLan));

        Assert.Equal([0u, 32766u], ShownRules().Keys); // the kernel's defaults only
    }

    [Fact]
    public void GetRules_ReturnsTheAddedRulesUnchanged()
    {
        Root.Require();
        var inverted = new Ipv6Rule(2000)
        {
            OutgoingInterface = "wana",
            Destination = IPNetwork.Parse("2001:db8:b::/48"),
            Table = 1000,
            Invert = true,
        };
        Netlink.AddRule(LookupMainFromA);
        Netlink.AddRule(BlackholeFromLan);
        Netlink.AddRule(inverted);

        var rules = Netlink.GetRules();

        Assert.Equal([LookupMainFromA, BlackholeFromLan, inverted], rules.Where(r => r.Protocol == RouteProtocols.DualHome));
        Assert.Contains(new Ipv6Rule(32766) { Table = RouteTables.Main, Protocol = 2 }, rules); // RTPROT_KERNEL default
    }

    [Fact]
    public void AddRule_Twice_ThrowsEexist_OrReturnsFalseWhenTolerated()
    {
        Root.Require();
        Netlink.AddRule(BlackholeFromLan);

        var error = Assert.Throws<NativeErrorException>(() => Netlink.AddRule(BlackholeFromLan));

        Assert.Equal((Errno.EEXIST, "RTM_NEWRULE"), (error.Errno, error.Operation));
        Assert.False(Netlink.AddRule(BlackholeFromLan, ignoreExisting: true));
        Assert.Single(Netlink.GetRules(), r => r.Priority == 1010);
    }

    [Fact]
    public void AddRule_SameSelectorsOtherProtocol_IsAnotherRule()
    {
        Root.Require();
        Netlink.AddRule(LookupMainFromA with { Protocol = RouteProtocols.Static });

        Assert.True(Netlink.AddRule(LookupMainFromA));
        Assert.True(Netlink.DeleteRule(LookupMainFromA));

        Assert.Equal([RouteProtocols.Static], Netlink.GetRules().Where(r => r.Priority == 1000).Select(r => r.Protocol));
    }

    [Fact]
    public void DeleteRule_Missing_ThrowsEnoent_OrReturnsFalseWhenTolerated()
    {
        Root.Require();

        var error = Assert.Throws<NativeErrorException>(() => Netlink.DeleteRule(LookupMainFromA));

        Assert.Equal((Errno.ENOENT, "RTM_DELRULE"), (error.Errno, error.Operation));
        Assert.False(Netlink.DeleteRule(LookupMainFromA, ignoreMissing: true));
        Assert.False(Netlink.DeleteRule(BlackholeFromLan, ignoreMissing: true));
    }

    [Fact]
    public void DeleteRule_LookupRule_LeavesTheBlackholeAtTheSamePlace()
    {
        Root.Require();
        Netlink.AddRule(BlackholeFromLan with { Priority = 1000 });
        Netlink.AddRule(LookupMainFromA);

        Assert.True(Netlink.DeleteRule(LookupMainFromA));

        Assert.Equal([BlackholeFromLan with { Priority = 1000 }], Netlink.GetRules().Where(r => r.Priority == 1000));
    }

    /// <summary>
    /// The kernel's decision for a packet forwarded from lan0 (<c>ip -6 route get … iif lan0</c>): a site
    /// source takes its source route, any other source hits the blackhole rule (ip6_blk_hole_entry, EINVAL).
    /// </summary>
    [Fact]
    public void RouteGet_SiteSourceIsRouted_OtherSourceIsBlackholed()
    {
        Root.Require();
        Netns.Run(() => Sysctl.WriteIpv6Conf("all", "forwarding", "1"));
        Netns.Ip("-6", "route", "add", "default", "from", "2001:db8:a:1::/64", "via", "fe80::1", "dev", "wana");
        Netlink.AddRule(LookupMainFromA);
        Netlink.AddRule(BlackholeFromLan);

        Assert.Contains(
            "via fe80::1 dev wana",
            Netns.Ip("-6", "route", "get", "2001:db8:ffff::1", "from", "2001:db8:a:1::99", "iif", "lan0"));
        var (exitCode, _, error) = Shell.TryRun(
            "ip", "-n", Netns.Name, "-6", "route", "get", "2001:db8:ffff::1", "from", "2001:db8:c:1::99", "iif", "lan0");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Invalid argument", error);
    }

    public void Dispose()
    {
        _netlink?.Dispose();
        _netns?.Dispose();
    }

    /// <summary><c>ip -6 -j rule show</c> by priority.</summary>
    private Dictionary<uint, JsonElement> ShownRules()
    {
        using var json = JsonDocument.Parse(Netns.Ip("-6", "-j", "rule", "show"));
        return json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("priority").GetUInt32(), r => r.Clone());
    }

    private static string? Text(JsonElement rule, string property) => rule.GetProperty(property).GetString();
}
