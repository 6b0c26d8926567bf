namespace DualHome.Linux.Bpf;

/// <summary>Where <see cref="IngressDrop"/> put its program on a port.</summary>
public enum IngressHook
{
    /// <summary>A tcx link (kernel 6.6+): gone with the daemon's descriptor.</summary>
    TcxLink,
    /// <summary>A cls_bpf filter on the clsact qdisc (older kernels): removed by Dispose, replaced at the next start.</summary>
    ClsactFilter,
}
