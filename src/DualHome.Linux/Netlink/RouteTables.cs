namespace DualHome.Linux.Netlink;

/// <summary>Routing table ids (linux/rtnetlink.h enum rt_class_t, /etc/iproute2/rt_tables).</summary>
public static class RouteTables
{
    public const uint Main = 254;
    public const uint Local = 255;
}
