namespace DualHome.Wire.Dns;

/// <summary>The RR TYPE values this code writes or looks for (RFC 1035 §3.2.2, §3.2.3; IANA "Resource Record (RR) TYPEs").</summary>
public enum DnsType : ushort
{
    /// <summary>RFC 1035 §3.4.1.</summary>
    A = 1,
    /// <summary>RFC 1035 §3.3.11.</summary>
    Ns = 2,
    /// <summary>RFC 1035 §3.3.13; RFC 2136 §2.3: the Zone section's ZTYPE is SOA.</summary>
    Soa = 6,
    /// <summary>RFC 3596 §2.1: one IPv6 address, 16 octets of RDATA.</summary>
    Aaaa = 28,
    /// <summary>RFC 6891 §6.1.1: the EDNS(0) pseudo-RR; its TTL carries the upper 8 bits of the extended RCODE.</summary>
    Opt = 41,
    /// <summary>RFC 8945 §4.2.</summary>
    Tsig = 250,
    /// <summary>RFC 1035 §3.2.3 QTYPE "*"; RFC 2136 §2.4.4, §2.4.5, §2.5.3 use it in prerequisites and deletes.</summary>
    Any = 255,
}
