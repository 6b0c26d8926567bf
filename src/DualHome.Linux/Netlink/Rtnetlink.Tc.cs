namespace DualHome.Linux.Netlink;

/// <summary>The clsact qdisc and the cls_bpf ingress filter of packet mode's ingress drop on kernels before 6.6.</summary>
public sealed partial class Rtnetlink
{
    /// <summary>Adds the clsact qdisc; one that exists already is fine.</summary>
    public void AddClsact(int interfaceIndex) =>
        Execute("RTM_NEWQDISC(clsact)", seq => NetlinkMessages.BuildNewClsact(interfaceIndex, seq), ExistsErrors);

    public void ReplaceBpfIngressFilter(int interfaceIndex, int programFd, string name) =>
        Execute("RTM_NEWTFILTER(bpf)", seq => NetlinkMessages.BuildReplaceBpfIngressFilter(interfaceIndex, programFd, name, seq), []);

    /// <summary>Removes the filter; a missing one (or a vanished interface) is fine.</summary>
    public bool DeleteBpfIngressFilter(int interfaceIndex) =>
        Execute("RTM_DELTFILTER(bpf)", seq => NetlinkMessages.BuildDeleteBpfIngressFilter(interfaceIndex, seq), MissingErrors);
}
