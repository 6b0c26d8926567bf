namespace DualHome.Linux.Interop;

/// <summary>The legacy one-feature ethtool commands (linux/ethtool.h) and their ioctl (linux/sockios.h).</summary>
internal static class EthtoolConstants
{
    public const uint SIOCETHTOOL = 0x8946;

    /// <summary>tx-checksumming: clearing it also drops TSO and scatter-gather (netdev_fix_features).</summary>
    public const uint ETHTOOL_GTXCSUM = 0x16;
    public const uint ETHTOOL_STXCSUM = 0x17;

    /// <summary>tcp-segmentation-offload (all TSO variants).</summary>
    public const uint ETHTOOL_GTSO = 0x1e;
    public const uint ETHTOOL_STSO = 0x1f;

    /// <summary>generic-segmentation-offload.</summary>
    public const uint ETHTOOL_GGSO = 0x23;
    public const uint ETHTOOL_SGSO = 0x24;

    /// <summary>generic-receive-offload.</summary>
    public const uint ETHTOOL_GGRO = 0x2b;
    public const uint ETHTOOL_SGRO = 0x2c;
}
