using System.Buffers.Binary;
using System.Net;
using DualHome.Wire.Icmpv6;
using DualHome.Wire.Ipv6;
using DualHome.Wire.Nd.Options;

namespace DualHome.Wire.Nd.Messages;

/// <summary>
/// Writes a Router Advertisement (type 134), RFC 4861 §4.2 with the RFC 4191 §2.2 preference. Options go out in
/// radvd's order (send.c): PIO, RIO, RDNSS, DNSSL each in model order (hosts may favour the last PIO processed),
/// then MTU and SLLA. A RIO takes the shortest Length its prefix allows (RFC 4191 §2.3; radvd always uses 3).
/// Throws <see cref="ArgumentException"/> for a model that breaks a MUST: router lifetime over 9000 (RFC 4861 §6.2.1),
/// reserved preference or non-medium preference with lifetime 0 (RFC 4191), reachable time over 1 h, a PIO whose
/// preferred lifetime exceeds its valid lifetime (RFC 4861 §4.6.2, RFC 4862 §5.5.3 c), MTU below 1280,
/// an empty RDNSS/DNSSL, a non-IPv6 address, or a non-Ethernet SLLA.
/// </summary>
public static class RouterAdvertisementWriter
{
    internal const byte ManagedFlag = 0x80;   // §4.2 M
    internal const byte OtherFlag = 0x40;     // §4.2 O
    internal const int PreferenceShift = 3;   // RFC 4191 §2.2: M|O|H|Prf(2)|Resvd(3)

    /// <summary>See <see cref="RaSizing.Measure"/>.</summary>
    public static int Measure(RouterAdvertisement message) => RaSizing.Measure(message);

    /// <summary>Writes the message with checksum 0; returns its length. Throws if <paramref name="buffer"/> is too small.</summary>
    public static int Write(RouterAdvertisement message, Span<byte> buffer)
    {
        Span<byte> icmp = NdMessageBuffer.Reserve(buffer, RaSizing.Measure(message));
        NdMessageBuffer.WriteHeader(icmp, NdType.RouterAdvertisement);
        WriteFixedPart(message, icmp);
        int end = WriteOptions(message, icmp[NdConstants.RouterAdvertisementLength..]);
        return NdConstants.RouterAdvertisementLength + end;
    }

    private static void WriteFixedPart(RouterAdvertisement message, Span<byte> icmp)
    {
        icmp[4] = message.CurHopLimit;
        icmp[5] = (byte)((message.Managed ? ManagedFlag : 0) | (message.OtherConfig ? OtherFlag : 0)
            | ((byte)message.Preference << PreferenceShift));
        BinaryPrimitives.WriteUInt16BigEndian(icmp[6..], message.RouterLifetime);
        BinaryPrimitives.WriteUInt32BigEndian(icmp[8..], message.ReachableTimeMs);
        BinaryPrimitives.WriteUInt32BigEndian(icmp[12..], message.RetransTimerMs);
    }

    private static int WriteOptions(RouterAdvertisement message, Span<byte> options)
    {
        int at = 0;
        foreach (PrefixInformation prefix in message.Prefixes)
            at += PrefixInformationOption.Write(prefix, options[at..]);
        foreach (RouteInformation route in message.Routes)
            at += RouteInformationOption.Write(route, options[at..]);
        foreach (RecursiveDnsServers servers in message.DnsServers)
            at += RecursiveDnsServerOption.Write(servers, options[at..]);
        foreach (DnsSearchList list in message.SearchLists)
            at += DnsSearchListOption.Write(list, options[at..]);
        if (message.Mtu is { } mtu)
            at += MtuOption.Write(mtu, options[at..]);
        if (message.SourceLinkLayerAddress is { } slla)
            at += LinkLayerAddressOption.Write(NdOptionType.SourceLinkLayerAddress, slla, options[at..]);
        return at;
    }

    public static bool TryWrite(RouterAdvertisement message, Span<byte> buffer, out int written)
    {
        written = RaSizing.Measure(message) <= buffer.Length ? Write(message, buffer) : 0;
        return written > 0;
    }

    /// <summary>
    /// Writes the message with its checksum computed for the given IPv6 source and destination.
    /// §4.2: the source MUST be the link-local address of the sending interface.
    /// </summary>
    public static int WriteWithChecksum(RouterAdvertisement message, Span<byte> buffer, IPAddress source, IPAddress destination)
    {
        Ipv6Bytes.RequireIpv6(source, nameof(source));
        if (!source.IsIPv6LinkLocal)
            throw new ArgumentException($"An RA is sent from a link-local address (RFC 4861 §4.2), not {source}.", nameof(source));
        int length = Write(message, buffer);
        Icmpv6Checksum.Fill(buffer[..length], source, destination);
        return length;
    }
}

/// <summary>Reads a validated Router Advertisement, RFC 4861 §4.2 and RFC 4191 §2.2.</summary>
internal static class RouterAdvertisementParser
{
    public static RouterAdvertisement? Read(ReadOnlySpan<byte> icmp, out NdOptionFault fault)
    {
        fault = NdOptionFault.None;
        if (icmp.Length < NdConstants.RouterAdvertisementLength)
            return null;
        var options = new NdOptionSet();
        fault = NdOptionTable.ReadAll(icmp[NdConstants.RouterAdvertisementLength..], NdOptionTable.RouterAdvertisement, options);
        return ReadFixedPart(icmp) with
        {
            SourceLinkLayerAddress = options.SourceLinkLayerAddress,
            Mtu = options.Mtu,
            Prefixes = options.Prefixes,
            Routes = options.Routes,
            DnsServers = options.DnsServers,
            SearchLists = options.SearchLists,
        };
    }

    private static RouterAdvertisement ReadFixedPart(ReadOnlySpan<byte> icmp)
    {
        byte flags = icmp[5];
        ushort lifetime = BinaryPrimitives.ReadUInt16BigEndian(icmp[6..]);
        return new RouterAdvertisement
        {
            CurHopLimit = icmp[4],
            Managed = (flags & RouterAdvertisementWriter.ManagedFlag) != 0,
            OtherConfig = (flags & RouterAdvertisementWriter.OtherFlag) != 0,
            Preference = ReadPreference(flags, lifetime),
            RouterLifetime = lifetime,
            ReachableTimeMs = BinaryPrimitives.ReadUInt32BigEndian(icmp[8..]),
            RetransTimerMs = BinaryPrimitives.ReadUInt32BigEndian(icmp[12..]),
        };
    }

    /// <summary>
    /// RFC 4191 §2.2: with Router Lifetime 0 the preference "MUST be ignored by the receiver", and a received
    /// Reserved (10) is treated as medium (00). Either way the model says Medium.
    /// </summary>
    private static RouterPreference ReadPreference(byte flags, ushort lifetime)
    {
        var preference = (RouterPreference)((flags >> RouterAdvertisementWriter.PreferenceShift) & 0b11);
        return lifetime == 0 || preference == RouterPreference.Reserved ? RouterPreference.Medium : preference;
    }
}
