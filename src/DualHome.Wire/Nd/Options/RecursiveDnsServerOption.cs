using System.Buffers.Binary;
using System.Net;
using DualHome.Wire.Ipv6;

namespace DualHome.Wire.Nd.Options;

/// <summary>Recursive DNS Server option (type 25), RFC 8106 §5.1: Length = 1 + 2 × (number of addresses).</summary>
internal static class RecursiveDnsServerOption
{
    private const int FixedLength = 8; // Type, Length, Reserved (2), Lifetime (4)

    /// <summary>RFC 8106 §5.1: one or more addresses; the 8-bit Length caps them at (255 - 1) / 2.</summary>
    public const int MaxServers = (NdConstants.MaxOptionUnits - 1) / 2;

    public static int Measure(RecursiveDnsServers servers)
    {
        Validate(servers);
        return FixedLength + servers.Servers.Count * Ipv6Bytes.AddressLength;
    }

    public static int Write(RecursiveDnsServers servers, Span<byte> destination)
    {
        int length = Measure(servers);
        Span<byte> option = destination[..length];
        option[0] = (byte)NdOptionType.RecursiveDnsServer;
        option[1] = (byte)(length / NdConstants.OptionUnit);
        option[2] = option[3] = 0; // RFC 8106 §5.1: Reserved MUST be zero
        BinaryPrimitives.WriteUInt32BigEndian(option[4..], servers.Lifetime);
        for (int i = 0; i < servers.Servers.Count; i++)
            Ipv6Bytes.Write(servers.Servers[i], option[(FixedLength + i * Ipv6Bytes.AddressLength)..]);
        return length;
    }

    private static void Validate(RecursiveDnsServers servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(servers.Servers, nameof(servers));
        if (servers.Servers.Count is 0 or > MaxServers)
            throw new ArgumentException($"RDNSS carries 1..{MaxServers} addresses (RFC 8106 §5.1), got {servers.Servers.Count}.", nameof(servers));
        foreach (IPAddress server in servers.Servers)
            Ipv6Bytes.RequireIpv6(server, nameof(servers));
    }

    public static NdOptionFault Read(ReadOnlySpan<byte> option, NdOptionSet into)
    {
        int units = option.Length / NdConstants.OptionUnit;
        if (units < 3 || units % 2 == 0)
            return NdOptionFault.BadLength; // RFC 8106 §5.1: minimum 3, each address adds 2, so odd
        var addresses = new IPAddress[(units - 1) / 2];
        for (int i = 0; i < addresses.Length; i++)
            addresses[i] = new IPAddress(option.Slice(FixedLength + i * Ipv6Bytes.AddressLength, Ipv6Bytes.AddressLength));
        into.DnsServers.Add(new RecursiveDnsServers(BinaryPrimitives.ReadUInt32BigEndian(option[4..]), addresses));
        return NdOptionFault.None;
    }
}
