namespace DualHome.Linux.Netlink;

/// <summary>Flags for <see cref="Rtnetlink.AddAddress"/> (linux/if_addr.h IFA_F_*).</summary>
[Flags]
public enum AddressFlags : byte
{
    None = 0,

    /// <summary>IFA_F_NODAD: skip Duplicate Address Detection (RFC 4862 §5.4), usable at once.</summary>
    NoDad = 0x02,
}
