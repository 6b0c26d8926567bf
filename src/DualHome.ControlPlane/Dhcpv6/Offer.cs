using DualHome.Wire.Dhcpv6;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>A server and the prefixes it offered (an Advertise, §18.2.9) or that are to be requested or released.</summary>
internal sealed record Offer(Duid Server, byte Preference, IReadOnlyList<IaPrefix> Prefixes)
{
    /// <summary>§18.2.9: "the client MUST treat an Advertise without a Preference option as preference 0"; 255 means
    /// "request from this server at once" (§18.2.1).</summary>
    public const byte Immediate = 255;

    /// <summary>§21.22: lifetimes in a client's message SHOULD be 0.</summary>
    public IReadOnlyList<IaPrefix> ForClientMessage() => [.. Prefixes.Select(p => new IaPrefix(p.Prefix, 0, 0))];

    public string Describe() => string.Join(", ", Prefixes.Select(p => p.Prefix));
}
