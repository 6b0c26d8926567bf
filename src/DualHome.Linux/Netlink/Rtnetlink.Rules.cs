using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>IPv6 policy routing rules (RTM_NEWRULE, RTM_DELRULE, RTM_GETRULE): <c>ip -6 rule</c>.</summary>
public sealed partial class Rtnetlink
{
    /// <summary>
    /// Adds a rule (<c>ip -6 rule add</c>). An identical rule (every field, protocol included) makes the kernel
    /// answer EEXIST: returns false instead of throwing when <paramref name="ignoreExisting"/>.
    /// </summary>
    public bool AddRule(Ipv6Rule rule, bool ignoreExisting = false) =>
        Execute("RTM_NEWRULE", seq => NetlinkMessages.BuildNewRule(rule, seq), ignoreExisting ? ExistsErrors : []);

    /// <summary>
    /// Deletes the first rule matching <paramref name="rule"/> (<c>ip -6 rule del</c>); returns false instead of
    /// throwing ENOENT when <paramref name="ignoreMissing"/>. Note the kernel's matching: a selector the rule
    /// leaves null (and <see cref="RouteProtocols.Unspecified"/>) matches any value.
    /// </summary>
    public bool DeleteRule(Ipv6Rule rule, bool ignoreMissing = false) =>
        Execute("RTM_DELRULE", seq => NetlinkMessages.BuildDeleteRule(rule, seq), ignoreMissing ? MissingErrors : []);

    /// <summary>
    /// Every IPv6 rule the model can state exactly, in priority order, the kernel's defaults (0 lookup local,
    /// 32766 lookup main) included. Lets a restarted daemon find and delete leftovers of its protocol
    /// (<see cref="RouteProtocols.DualHome"/>).
    /// </summary>
    public IReadOnlyList<Ipv6Rule> GetRules()
    {
        var rules = new List<Ipv6Rule>();
        Query("RTM_GETRULE", NetlinkMessages.BuildGetRules, (in NetlinkMessage reply) =>
        {
            if (reply.Type == RTM_NEWRULE && RuleParser.TryParse(reply.Payload, out var rule))
            {
                rules.Add(rule!);
            }
        });
        return rules;
    }
}
