using System.Net.Sockets;
using DualHome.Wire.Ipv6;

namespace DualHome.Wire.Dns;

/// <summary>
/// Writes an RFC 2136 UPDATE request, compressing owner names as nsupdate does (RFC 1035 §4.1.4), so the bytes
/// equal nsupdate's for the same ID (see DnsUpdateCaptureTests). Throws <see cref="ArgumentException"/> for a
/// message that cannot be encoded: these come from configuration and code, not from the network.
/// </summary>
public static class DnsUpdateWriter
{
    /// <summary>RFC 1035 §2.3.4 / §4.2.1: a message over UDP without EDNS is at most 512 octets, TSIG included.</summary>
    public const int MaxUdpLength = 512;

    public static int Measure(DnsUpdateMessage message)
    {
        Validate(message);
        var builder = new DnsMessageBuilder(default);
        Lay(message, ref builder);
        return builder.Position;
    }

    /// <summary>Writes <paramref name="message"/> at the start of <paramref name="destination"/>; returns its length.</summary>
    public static int Write(DnsUpdateMessage message, Span<byte> destination)
    {
        int length = Measure(message);
        if (destination.Length < length)
            throw new ArgumentException($"Buffer of {destination.Length} bytes is too small: the UPDATE needs {length}.", nameof(destination));
        var builder = new DnsMessageBuilder(destination[..length]);
        Lay(message, ref builder);
        return builder.Position;
    }

    private static void Lay(DnsUpdateMessage message, ref DnsMessageBuilder builder)
    {
        // RFC 2136 §2.2: QR 0, Opcode UPDATE, Z and RCODE 0; ZOCOUNT 1 (§2.3), ADCOUNT 0 until TSIG is added.
        builder.Header(new DnsHeader(message.Id, IsResponse: false, DnsOpcode.Update, IsTruncated: false, Rcode: 0,
            QuestionCount: 1, (ushort)message.Prerequisites.Count, (ushort)message.Updates.Count, AdditionalCount: 0));
        builder.Name(message.Zone);        // §2.3 ZNAME
        builder.UInt16((ushort)DnsType.Soa); // §2.3 ZTYPE must be SOA
        builder.UInt16((ushort)DnsClass.In); // §2.3 ZCLASS: the zone's class
        foreach (DnsRecord record in message.Prerequisites)
            Record(record, ref builder);
        foreach (DnsRecord record in message.Updates)
            Record(record, ref builder);
    }

    /// <summary>RFC 1035 §4.1.3: NAME, TYPE, CLASS, TTL, RDLENGTH, RDATA.</summary>
    private static void Record(DnsRecord record, ref DnsMessageBuilder builder)
    {
        builder.Name(record.Name);
        builder.UInt16((ushort)record.Type);
        builder.UInt16((ushort)record.Class);
        builder.UInt32(record.Ttl);
        if (record.Address is null)
        {
            builder.UInt16(0);
            return;
        }
        Span<byte> address = stackalloc byte[Ipv6Bytes.AddressLength];
        Ipv6Bytes.Write(record.Address, address);
        builder.UInt16(Ipv6Bytes.AddressLength); // RFC 3596 §2.2: AAAA RDATA is the 16-octet address
        builder.Bytes(address);
    }

    private static void Validate(DnsUpdateMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Prerequisites, nameof(message));
        ArgumentNullException.ThrowIfNull(message.Updates, nameof(message));
        string zone = DnsWireName.Normalize(message.Zone);
        if (message.Prerequisites.Count > ushort.MaxValue || message.Updates.Count > ushort.MaxValue)
            throw new ArgumentException("A section holds at most 65535 RRs (RFC 1035 §4.1.1).", nameof(message));
        foreach (DnsRecord record in message.Prerequisites.Concat(message.Updates))
            ValidateRecord(record, zone);
    }

    private static void ValidateRecord(DnsRecord record, string zone)
    {
        ArgumentNullException.ThrowIfNull(record);
        string name = DnsWireName.Normalize(record.Name);
        if (!IsAtOrBelow(name, zone))
            throw new ArgumentException($"{record.Name} is outside zone {zone} (RFC 2136 §2.2 NOTZONE).", nameof(record));
        if (record.Address is not null && (record.Type != DnsType.Aaaa || record.Address.AddressFamily != AddressFamily.InterNetworkV6))
            throw new ArgumentException($"{record}: only AAAA RDATA with an IPv6 address is written (RFC 3596 §2.2).", nameof(record));
        if (record.Address is null && record.Class == DnsClass.In)
            throw new ArgumentException($"{record}: a class IN record carries RDATA (RFC 2136 §2.4.2, §2.5.1).", nameof(record));
    }

    /// <summary>RFC 4343 §3: names compare case-insensitively, label by label.</summary>
    private static bool IsAtOrBelow(string name, string zone) =>
        name.Equals(zone, StringComparison.OrdinalIgnoreCase) ||
        name.EndsWith("." + zone, StringComparison.OrdinalIgnoreCase);
}
