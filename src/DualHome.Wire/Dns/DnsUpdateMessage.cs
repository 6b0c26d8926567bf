namespace DualHome.Wire.Dns;

/// <summary>
/// An RFC 2136 UPDATE request (§2): the zone to change (Zone section: the zone's name, type SOA, class IN, §2.3),
/// the prerequisites that must hold (§2.4) and the changes (§2.5). The additional section stays empty until
/// <see cref="TsigSigner"/> appends the TSIG RR. Every name must be the zone or below it (§2.2, NOTZONE).
/// </summary>
public sealed record DnsUpdateMessage(ushort Id, string Zone, IReadOnlyList<DnsRecord> Prerequisites, IReadOnlyList<DnsRecord> Updates);
