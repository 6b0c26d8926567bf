using System.Net;

namespace DualHome.Linux.Netlink;

/// <summary>One IPv6 address from an RTM_NEWADDR message.</summary>
/// <param name="Address">The address; link-local ones carry the interface index as scope id.</param>
/// <param name="Flags">IFA_F_* flags (IFA_FLAGS when present, else ifa_flags).</param>
/// <param name="PreferredLifetime">Seconds left (IFA_CACHEINFO); <see cref="uint.MaxValue"/> = forever.</param>
/// <param name="ValidLifetime">Seconds left (IFA_CACHEINFO); <see cref="uint.MaxValue"/> = forever.</param>
public sealed record InterfaceAddress(
    IPAddress Address,
    int PrefixLength,
    int InterfaceIndex,
    byte Scope,
    uint Flags,
    uint PreferredLifetime,
    uint ValidLifetime)
{
    /// <summary>IFA_F_DADFAILED: Duplicate Address Detection found another owner.</summary>
    public const uint DadFailedFlag = 0x08;
    /// <summary>IFA_F_DEPRECATED: preferred lifetime over (RFC 4862 §5.5.4).</summary>
    public const uint DeprecatedFlag = 0x20;
    /// <summary>IFA_F_TENTATIVE: DAD still running; not usable as a source yet.</summary>
    public const uint TentativeFlag = 0x40;

    public bool IsTentative => (Flags & TentativeFlag) != 0;

    public bool IsDeprecated => (Flags & DeprecatedFlag) != 0;

    public bool IsDadFailed => (Flags & DadFailedFlag) != 0;

    /// <summary>Assigned, past DAD and so usable as a source address.</summary>
    public bool IsUsable => !IsTentative && !IsDadFailed;
}
