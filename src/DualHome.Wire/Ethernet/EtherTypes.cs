namespace DualHome.Wire.Ethernet;

/// <summary>EtherType values (IEEE 802 numbers, IANA "ieee-802-numbers" registry) the data plane recognises.</summary>
public static class EtherTypes
{
    /// <summary>RFC 894 / IANA: IPv4.</summary>
    public const ushort Ipv4 = 0x0800;

    /// <summary>RFC 826 / IANA: ARP.</summary>
    public const ushort Arp = 0x0806;

    /// <summary>RFC 2464 §3: IPv6 over Ethernet.</summary>
    public const ushort Ipv6 = 0x86dd;

    /// <summary>IEEE 802.1Q customer VLAN tag (C-TAG) TPID.</summary>
    public const ushort Vlan = 0x8100;

    /// <summary>IEEE 802.1ad service VLAN tag (S-TAG, "QinQ") TPID.</summary>
    public const ushort ServiceVlan = 0x88a8;

    /// <summary>Pre-standard QinQ TPID some switches still send.</summary>
    public const ushort LegacyQinQ = 0x9100;

    /// <summary>True for a VLAN tag protocol identifier: the real EtherType follows a 4-byte tag.</summary>
    public static bool IsVlanTag(ushort etherType) => etherType is Vlan or ServiceVlan or LegacyQinQ;
}
