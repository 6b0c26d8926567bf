using DualHome.Linux.Netlink;
using DualHome.Linux.Tests.Support;

namespace DualHome.Linux.Tests.Netlink;

/// <summary>
/// The clsact qdisc and the cls_bpf ingress filter (the ingress drop on kernels before 6.6). The qdisc and the delete
/// are compared byte for byte with what tc (iproute2 6.1) sent, captured with <c>strace -e trace=sendmsg -e write=3,4
/// -xx tc qdisc add dev a clsact</c> and <c>tc filter del dev a ingress prio 17480 protocol all</c> in a throwaway
/// namespace where "a" had ifindex 3; tc cannot add a filter from a program descriptor, so that one is written out
/// from pkt_cls.h, and IngressDropIntegrationTests has the kernel accept it.
/// </summary>
public sealed class TcMessageGoldenTests
{
    [Fact]
    public void NewClsact_MatchesTc()
    {
        Hex.Equal("""
            30000000 2400 0506 cb810c6b 00000000
            00 00 0000 03000000 0000ffff f1ffffff 00000000
            0b00 0100 636c736163740000
            """, NetlinkMessages.BuildNewClsact(3, 0x6b0c81cb));
        // RTM_NEWQDISC, REQUEST|ACK|EXCL|CREATE; tcmsg: AF_UNSPEC, ifindex 3, handle ffff:0, parent clsact; TCA_KIND "clsact"
    }

    [Fact]
    public void DeleteFilter_MatchesTc()
    {
        Hex.Equal("""
            24000000 2d00 0500 02820c6b 00000000
            00 00 0000 03000000 00000000 f2ffffff 00034844
            """, NetlinkMessages.BuildDeleteBpfIngressFilter(3, 0x6b0c8202));
        // RTM_DELTFILTER, REQUEST|ACK; parent ffff:fff2 (ingress); info = prio 0x4448 << 16 | htons(ETH_P_ALL)
    }

    [Fact]
    public void ReplaceFilter_CarriesTheProgramInDirectActionMode()
    {
        Hex.Equal("""
            50000000 2c00 0505 01000000 00000000
            00 00 0000 03000000 01000000 f2ffffff 00034844
            0800 0100 62706600
            2400 0280
              0800 0600 07000000
              0f00 0700 64685f696e677265737300 00
              0800 0800 01000000
            """, NetlinkMessages.BuildReplaceBpfIngressFilter(3, 7, "dh_ingress", 1));
        // RTM_NEWTFILTER, REQUEST|ACK|REPLACE|CREATE; handle 1; TCA_KIND "bpf"; TCA_OPTIONS (with NLA_F_NESTED, which tc leaves out) { TCA_BPF_FD 7,
        // TCA_BPF_NAME "dh_ingress", TCA_BPF_FLAGS TCA_BPF_FLAG_ACT_DIRECT }
    }
}
