using System.Net;

namespace DualHome.Wire.Dns;

/// <summary>
/// One RR of an UPDATE's prerequisite or update section (RFC 2136 §2.4, §2.5). Class and TTL carry the meaning
/// there, so build these with <see cref="DnsPrerequisite"/> and <see cref="DnsUpdateOperation"/>. The only RDATA
/// this firmware publishes is an AAAA address (RFC 3596 §2.2); <paramref name="Address"/> null means RDLENGTH 0.
/// </summary>
public sealed record DnsRecord(string Name, DnsType Type, DnsClass Class, uint Ttl, IPAddress? Address = null)
{
    /// <summary>Zone-file style, as nsupdate prints it: "www.home.example 0 NONE AAAA 2001:db8:a:1::10".</summary>
    public override string ToString() =>
        $"{Name} {Ttl} {Class.ToString().ToUpperInvariant()} {Type.ToString().ToUpperInvariant()}{(Address is null ? "" : " " + Address)}";
}
