namespace DualHome.Wire.Dns;

/// <summary>
/// What the daemon needs from a response to its UPDATE: the header (ID to match the request, TC to retry over
/// TCP), the full RCODE, and the TSIG RR if there is one. The sections' RRs are checked and skipped, not kept:
/// an UPDATE response carries at most the zone section back (RFC 2136 §3.8).
/// </summary>
public sealed record DnsResponse(DnsHeader Header, DnsRcode Rcode, TsigRecord? Tsig)
{
    public ushort Id => Header.Id;
}
