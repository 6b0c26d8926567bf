namespace DualHome.Wire.Dhcpv6;

/// <summary>
/// One client/server DHCPv6 message (RFC 8415 §8) with the options a prefix-delegation client builds or reads.
/// Options the library does not know are kept in <see cref="OtherOptions"/> (top level only). Nullable members
/// are absent options; <see cref="RapidCommit"/> and <see cref="ReconfigureAccept"/> are empty options (present or not).
/// </summary>
public sealed record Dhcpv6Message
{
    public Dhcpv6MessageType Type { get; init; }
    /// <summary>§8: 24 bits, chosen by the client per exchange and echoed by the server.</summary>
    public uint TransactionId { get; init; }
    /// <summary>§21.2 OPTION_CLIENTID.</summary>
    public Duid? ClientId { get; init; }
    /// <summary>§21.3 OPTION_SERVERID.</summary>
    public Duid? ServerId { get; init; }
    /// <summary>§21.21 OPTION_IA_PD, one per IAID.</summary>
    public IReadOnlyList<IaPd> IaPds { get; init; } = [];
    /// <summary>§21.7 OPTION_ORO: the option codes requested.</summary>
    public IReadOnlyList<ushort>? RequestedOptions { get; init; }
    /// <summary>§21.9 OPTION_ELAPSED_TIME, hundredths of a second.</summary>
    public ushort? ElapsedTime { get; init; }
    /// <summary>§21.8 OPTION_PREFERENCE; absent counts as 0 (§18.2.9).</summary>
    public byte? Preference { get; init; }
    /// <summary>§21.13 OPTION_STATUS_CODE at the top level of the message.</summary>
    public Dhcpv6Status? Status { get; init; }
    /// <summary>§21.14 OPTION_RAPID_COMMIT.</summary>
    public bool RapidCommit { get; init; }
    /// <summary>§21.20 OPTION_RECONF_ACCEPT. DualHome never sends it, so it accepts no Reconfigure.</summary>
    public bool ReconfigureAccept { get; init; }
    /// <summary>§21.19 OPTION_RECONF_MSG: the message a Reconfigure asks the client to send.</summary>
    public Dhcpv6MessageType? ReconfigureMessage { get; init; }
    /// <summary>§21.11 OPTION_AUTH.</summary>
    public Dhcpv6Authentication? Authentication { get; init; }
    /// <summary>§21.24 OPTION_SOL_MAX_RT, seconds (already checked to be 60..86400).</summary>
    public uint? SolMaxRt { get; init; }
    /// <summary>§21.25 OPTION_INF_MAX_RT, seconds (already checked to be 60..86400).</summary>
    public uint? InfMaxRt { get; init; }
    /// <summary>Top-level options this library does not interpret, in message order.</summary>
    public IReadOnlyList<Dhcpv6RawOption> OtherOptions { get; init; } = [];

    /// <summary>The IA_PD with <paramref name="iaid"/>, or null.</summary>
    public IaPd? FindIaPd(uint iaid) => IaPds.FirstOrDefault(ia => ia.Iaid == iaid);

    /// <summary>Value equality, lists compared element by element (a record compares lists by reference).</summary>
    public bool Equals(Dhcpv6Message? other) =>
        other is not null
        && (Type, TransactionId, ElapsedTime, Preference, RapidCommit, ReconfigureAccept, ReconfigureMessage, SolMaxRt, InfMaxRt)
            == (other.Type, other.TransactionId, other.ElapsedTime, other.Preference, other.RapidCommit,
                other.ReconfigureAccept, other.ReconfigureMessage, other.SolMaxRt, other.InfMaxRt)
        && Equals(ClientId, other.ClientId)
        && Equals(ServerId, other.ServerId)
        && Equals(Status, other.Status)
        && Equals(Authentication, other.Authentication)
        && IaPds.SequenceEqual(other.IaPds)
        && SameList(RequestedOptions, other.RequestedOptions)
        && OtherOptions.SequenceEqual(other.OtherOptions);

    public override int GetHashCode() =>
        HashCode.Combine(Type, TransactionId, ClientId, ServerId, IaPds.Count, ElapsedTime, Preference, Status);

    private static bool SameList(IReadOnlyList<ushort>? a, IReadOnlyList<ushort>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}

/// <summary>Identity Association for Prefix Delegation, RFC 8415 §21.21. T1/T2 in seconds, 0xffffffff = infinity.</summary>
public sealed record IaPd(uint Iaid, uint T1, uint T2, IReadOnlyList<IaPrefix> Prefixes, Dhcpv6Status? Status = null)
{
    /// <summary>Value equality, prefixes compared in order.</summary>
    public bool Equals(IaPd? other) =>
        other is not null && (Iaid, T1, T2) == (other.Iaid, other.T1, other.T2)
        && Equals(Status, other.Status) && Prefixes.SequenceEqual(other.Prefixes);

    public override int GetHashCode() => HashCode.Combine(Iaid, T1, T2, Prefixes.Count, Status);
}

/// <summary>IA Prefix option, RFC 8415 §21.22. Lifetimes in seconds, 0xffffffff = infinity.</summary>
public sealed record IaPrefix(System.Net.IPNetwork Prefix, uint PreferredLifetime, uint ValidLifetime, Dhcpv6Status? Status = null);

/// <summary>An option kept as code and data, RFC 8415 §21.1.</summary>
public sealed record Dhcpv6RawOption(ushort Code, byte[] Data)
{
    public bool Equals(Dhcpv6RawOption? other) => other is not null && Code == other.Code && Data.AsSpan().SequenceEqual(other.Data);
    public override int GetHashCode() => HashCode.Combine(Code, Data.Length);
}

/// <summary>
/// Authentication option, RFC 8415 §21.11: read far enough to tell an authenticated Reconfigure from one that is
/// not (§20.4: the reconfiguration key protocol is 3, algorithm 1 = HMAC-MD5, RDM 0 = monotonic counter).
/// </summary>
public sealed record Dhcpv6Authentication(byte Protocol, byte Algorithm, byte ReplayDetectionMethod, ulong ReplayDetection, byte[] Information)
{
    /// <summary>§20.4: "Reconfiguration Key Authentication Protocol" has protocol value 3.</summary>
    public const byte ReconfigureKeyProtocol = 3;

    public bool Equals(Dhcpv6Authentication? other) =>
        other is not null && (Protocol, Algorithm, ReplayDetectionMethod, ReplayDetection)
            == (other.Protocol, other.Algorithm, other.ReplayDetectionMethod, other.ReplayDetection)
        && Information.AsSpan().SequenceEqual(other.Information);

    public override int GetHashCode() => HashCode.Combine(Protocol, Algorithm, ReplayDetectionMethod, ReplayDetection);
}
