using DualHome.Wire.Dhcpv6;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>Settings of the prefix-delegation client of one uplink.</summary>
public sealed record Dhcpv6ClientOptions
{
    /// <summary>The uplink's name, for logs.</summary>
    public required string Uplink { get; init; }

    /// <summary>A prefix length to ask for (e.g. 56), sent as an IA Prefix hint with prefix :: (§18.2.1, §21.22);
    /// null sends an empty IA_PD and takes what the server gives.</summary>
    public byte? PrefixLengthHint { get; init; }

    /// <summary>Send Rapid Commit in Solicit and accept a Reply that carries it (§18.2.1, §21.14).</summary>
    public bool RapidCommit { get; init; }

    /// <summary>Options to ask for in the ORO besides OPTION_SOL_MAX_RT, which §18.2.1 requires and is always sent.</summary>
    public IReadOnlyList<ushort> RequestedOptions { get; init; } = [];

    /// <summary>The ORO as sent: SOL_MAX_RT first, then the others without duplicates.</summary>
    internal IReadOnlyList<ushort> OptionRequest() =>
        [(ushort)Dhcpv6OptionCode.SolMaxRt, .. RequestedOptions.Where(c => c != (ushort)Dhcpv6OptionCode.SolMaxRt).Distinct()];

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Uplink);
        if (PrefixLengthHint is 0 or > 128)
            throw new ArgumentException($"Prefix length hint /{PrefixLengthHint} is not 1..128 (RFC 8415 §21.22).");
    }
}
