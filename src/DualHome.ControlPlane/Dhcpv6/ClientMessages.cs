using DualHome.Wire.Dhcpv6;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>Builds the client's messages from an exchange (RFC 8415 §18.2.1–§18.2.7, Appendix B).</summary>
internal static class ClientMessages
{
    public static Dhcpv6Message Build(Exchange exchange, ClientIdentity identity, Dhcpv6ClientOptions options, TimeSpan now) => new()
    {
        Type = exchange.Type,
        TransactionId = exchange.TransactionId,
        ClientId = identity.Duid,                                      // §18.2: every client message
        ServerId = CarriesServerId(exchange.Type) ? exchange.Server : null,
        ElapsedTime = exchange.ElapsedTime(now),                       // §21.9: MUST in every client message
        RequestedOptions = exchange.Type == Dhcpv6MessageType.Release ? null : options.OptionRequest(),
        RapidCommit = exchange.Type == Dhcpv6MessageType.Solicit && options.RapidCommit,
        IaPds = [new IaPd(identity.Iaid, 0, 0, exchange.Prefixes)],    // §21.21: T1/T2 SHOULD be 0 from a client
        // ReconfigureAccept stays false: DualHome refuses Reconfigure (§18.2.11, §21.20).
    };

    /// <summary>§18.2.2 Request, §18.2.4 Renew and §18.2.7 Release name their server; §18.2.1 Solicit and
    /// §18.2.5 Rebind MUST NOT.</summary>
    private static bool CarriesServerId(Dhcpv6MessageType type) =>
        type is Dhcpv6MessageType.Request or Dhcpv6MessageType.Renew or Dhcpv6MessageType.Release;

    /// <summary>§18.2.1: the Solicit's IA_PD is empty, or holds a hint: prefix :: with the wanted length, lifetimes 0.</summary>
    public static IReadOnlyList<IaPrefix> SolicitHint(Dhcpv6ClientOptions options) =>
        options.PrefixLengthHint is { } length
            ? [new IaPrefix(new System.Net.IPNetwork(System.Net.IPAddress.IPv6Any, length), 0, 0)]
            : [];
}
