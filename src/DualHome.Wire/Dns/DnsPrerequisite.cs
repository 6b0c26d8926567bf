using System.Net;
using DualHome.Wire.Ipv6;

namespace DualHome.Wire.Dns;

/// <summary>
/// The prerequisite forms of RFC 2136 §2.4 (nsupdate's <c>prereq</c> command in brackets). All have TTL 0.
/// RFC 2136 has no "this one RR exists" test: the nearest is <see cref="AaaaRRsetEquals"/>, which the daemon uses
/// before deleting one uplink's AAAA ("delete A only while the RRset is exactly the {A, B} we published"), so an
/// RRset someone else changed is left alone (the server answers NXRRSET). Adding needs none: an RR that is
/// already there is replaced by itself (RFC 2136 §3.4.2.2), so adding again is harmless.
/// </summary>
public static class DnsPrerequisite
{
    /// <summary>§2.4.1 RRset exists (value independent) [yxrrset NAME TYPE]: class ANY, RDLENGTH 0.</summary>
    public static DnsRecord RRsetExists(string name, DnsType type) => new(name, type, DnsClass.Any, 0);

    /// <summary>
    /// §2.4.2 RRset exists (value dependent) [yxrrset NAME IN AAAA ADDR, one line per address]: one RR per address,
    /// class IN (the zone's class); the zone's AAAA RRset must equal the set given, no more and no fewer.
    /// </summary>
    public static IReadOnlyList<DnsRecord> AaaaRRsetEquals(string name, IEnumerable<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        DnsRecord[] records = addresses.Select(a => Aaaa(name, a)).ToArray();
        if (records.Length == 0)
            throw new ArgumentException("A value-dependent prerequisite lists at least one RR (RFC 2136 §2.4.2); use RRsetDoesNotExist for none.", nameof(addresses));
        return records;
    }

    /// <summary>§2.4.3 RRset does not exist [nxrrset NAME TYPE]: class NONE, RDLENGTH 0.</summary>
    public static DnsRecord RRsetDoesNotExist(string name, DnsType type) => new(name, type, DnsClass.None, 0);

    /// <summary>§2.4.4 Name is in use [yxdomain NAME]: type ANY, class ANY.</summary>
    public static DnsRecord NameInUse(string name) => new(name, DnsType.Any, DnsClass.Any, 0);

    /// <summary>§2.4.5 Name is not in use [nxdomain NAME]: type ANY, class NONE.</summary>
    public static DnsRecord NameNotInUse(string name) => new(name, DnsType.Any, DnsClass.None, 0);

    private static DnsRecord Aaaa(string name, IPAddress address)
    {
        Ipv6Bytes.RequireIpv6(address, nameof(address));
        return new DnsRecord(name, DnsType.Aaaa, DnsClass.In, 0, address);
    }
}
