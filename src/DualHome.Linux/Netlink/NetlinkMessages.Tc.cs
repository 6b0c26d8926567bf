using System.Buffers.Binary;

namespace DualHome.Linux.Netlink;

/// <summary>
/// RTM_NEWQDISC / RTM_NEWTFILTER / RTM_DELTFILTER with struct tcmsg (tc(8), include/uapi/linux/rtnetlink.h and
/// pkt_sched.h/pkt_cls.h): the clsact qdisc and one cls_bpf filter in direct-action mode on its ingress hook, for
/// kernels without tcx links (before 6.6).
/// </summary>
public static partial class NetlinkMessages
{
    private const ushort RTM_NEWQDISC = 36, RTM_NEWTFILTER = 44, RTM_DELTFILTER = 45;
    private const ushort TCA_KIND = 1, TCA_OPTIONS = 2;
    private const ushort TCA_BPF_FD = 6, TCA_BPF_NAME = 7, TCA_BPF_FLAGS = 8;
    private const uint TCA_BPF_FLAG_ACT_DIRECT = 1;
    private const int TcMsgSize = 20;
    /// <summary>TC_H_CLSACT, and its handle TC_H_MAKE(TC_H_CLSACT, 0).</summary>
    private const uint ClsactParent = 0xFFFFFFF1, ClsactHandle = 0xFFFF0000;
    /// <summary>TC_H_MAKE(TC_H_CLSACT, TC_H_MIN_INGRESS).</summary>
    public const uint IngressParent = 0xFFFFFFF2;
    /// <summary>The filter's priority, "DH" (0x4448): unlikely to be an administrator's own; and its handle.</summary>
    public const ushort IngressFilterPriority = 0x4448;
    private const uint IngressFilterHandle = 1;
    /// <summary>htons(ETH_P_ALL): the filter sees every protocol.</summary>
    private const ushort AllProtocolsNetworkOrder = 0x0300;

    /// <summary>Like <c>tc qdisc add dev IF clsact</c> (NLM_F_EXCL: an existing one answers EEXIST).</summary>
    public static byte[] BuildNewClsact(int interfaceIndex, uint sequence)
    {
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(RTM_NEWQDISC, NewFlags | NetlinkConstants.NLM_F_EXCL, sequence);
        WriteTcMsg(ref writer, interfaceIndex, ClsactHandle, ClsactParent, 0);
        writer.WriteString(TCA_KIND, "clsact");
        return writer.ToArray();
    }

    /// <summary>Like <c>tc filter replace dev IF ingress prio 17480 handle 1 protocol all bpf da fd FD name NAME</c>.</summary>
    public static byte[] BuildReplaceBpfIngressFilter(int interfaceIndex, int programFd, string name, uint sequence)
    {
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(RTM_NEWTFILTER, NewFlags | NetlinkConstants.NLM_F_REPLACE, sequence);
        WriteTcMsg(ref writer, interfaceIndex, IngressFilterHandle, IngressParent, FilterInfo);
        writer.WriteString(TCA_KIND, "bpf");
        int options = writer.BeginNested(TCA_OPTIONS);
        writer.WriteUInt32(TCA_BPF_FD, (uint)programFd);
        writer.WriteString(TCA_BPF_NAME, name);
        writer.WriteUInt32(TCA_BPF_FLAGS, TCA_BPF_FLAG_ACT_DIRECT); // the program's return value is the verdict
        writer.EndNested(options);
        return writer.ToArray();
    }

    /// <summary>Like <c>tc filter del dev IF ingress prio 17480 protocol all</c>.</summary>
    public static byte[] BuildDeleteBpfIngressFilter(int interfaceIndex, uint sequence)
    {
        var writer = new NetlinkWriter(stackalloc byte[MaxRequestSize]);
        writer.WriteHeader(RTM_DELTFILTER, DeleteFlags, sequence);
        WriteTcMsg(ref writer, interfaceIndex, 0, IngressParent, FilterInfo);
        return writer.ToArray();
    }

    /// <summary>tcm_info of a filter: TC_H_MAKE(prio &lt;&lt; 16, protocol).</summary>
    private const uint FilterInfo = ((uint)IngressFilterPriority << 16) | AllProtocolsNetworkOrder;

    private static void WriteTcMsg(ref NetlinkWriter writer, int interfaceIndex, uint handle, uint parent, uint info)
    {
        var tcmsg = writer.Reserve(TcMsgSize); // family AF_UNSPEC, padding
        BinaryPrimitives.WriteInt32LittleEndian(tcmsg[4..], interfaceIndex);
        BinaryPrimitives.WriteUInt32LittleEndian(tcmsg[8..], handle);
        BinaryPrimitives.WriteUInt32LittleEndian(tcmsg[12..], parent);
        BinaryPrimitives.WriteUInt32LittleEndian(tcmsg[16..], info);
    }
}
