using System.Net;
using DualHome.Wire.Icmpv6;
using DualHome.Wire.Ipv6;
using DualHome.Wire.Nd.Options;

namespace DualHome.Wire.Nd.Messages;

/// <summary>Writes a Neighbor Advertisement (type 136), RFC 4861 §4.4.</summary>
public static class NeighborAdvertisementWriter
{
    internal const byte RouterFlag = 0x80;    // §4.4 R
    internal const byte SolicitedFlag = 0x40; // §4.4 S
    internal const byte OverrideFlag = 0x20;  // §4.4 O
    private const int FlagsOffset = 4;
    private const int TargetOffset = NdTarget.Offset;

    public static int Measure(NeighborAdvertisement message)
    {
        ArgumentNullException.ThrowIfNull(message);
        NdTarget.Require(message.Target, nameof(message));
        LinkLayerAddressOption.RequireEthernet(message.TargetLinkLayerAddress);
        return NdConstants.NeighborAdvertisementLength + LinkLayerAddressOption.Measure(message.TargetLinkLayerAddress);
    }

    /// <summary>Writes the message with checksum 0; returns its length. Throws if <paramref name="buffer"/> is too small.</summary>
    public static int Write(NeighborAdvertisement message, Span<byte> buffer)
    {
        Span<byte> icmp = NdMessageBuffer.Reserve(buffer, Measure(message));
        NdMessageBuffer.WriteHeader(icmp, NdType.NeighborAdvertisement);
        icmp[FlagsOffset] = Flags(message);
        Ipv6Bytes.Write(message.Target, icmp[TargetOffset..]);
        if (message.TargetLinkLayerAddress is { } tlla)
            LinkLayerAddressOption.Write(NdOptionType.TargetLinkLayerAddress, tlla, icmp[NdConstants.NeighborAdvertisementLength..]);
        return icmp.Length;
    }

    private static byte Flags(NeighborAdvertisement message) => (byte)(
        (message.Router ? RouterFlag : 0) | (message.Solicited ? SolicitedFlag : 0) | (message.Override ? OverrideFlag : 0));

    public static bool TryWrite(NeighborAdvertisement message, Span<byte> buffer, out int written)
    {
        written = Measure(message) <= buffer.Length ? Write(message, buffer) : 0;
        return written > 0;
    }

    /// <summary>Writes the message with its checksum computed for the given IPv6 source and destination.</summary>
    public static int WriteWithChecksum(NeighborAdvertisement message, Span<byte> buffer, IPAddress source, IPAddress destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(destination);
        // §4.4: the Solicited flag "MUST NOT be set in multicast advertisements".
        if (message.Solicited && destination.IsIPv6Multicast)
            throw new ArgumentException("A multicast Neighbor Advertisement MUST NOT set the Solicited flag (RFC 4861 §4.4).", nameof(message));
        int length = Write(message, buffer);
        Icmpv6Checksum.Fill(buffer[..length], source, destination);
        return length;
    }
}

/// <summary>Reads a validated Neighbor Advertisement, RFC 4861 §4.4.</summary>
internal static class NeighborAdvertisementParser
{
    public static NeighborAdvertisement? Read(ReadOnlySpan<byte> icmp, out NdOptionFault fault)
    {
        fault = NdOptionFault.None;
        if (icmp.Length < NdConstants.NeighborAdvertisementLength)
            return null;
        var options = new NdOptionSet();
        fault = NdOptionTable.ReadAll(icmp[NdConstants.NeighborAdvertisementLength..], NdOptionTable.NeighborAdvertisement, options);
        byte flags = icmp[4];
        return new NeighborAdvertisement(
            Router: (flags & NeighborAdvertisementWriter.RouterFlag) != 0,
            Solicited: (flags & NeighborAdvertisementWriter.SolicitedFlag) != 0,
            Override: (flags & NeighborAdvertisementWriter.OverrideFlag) != 0,
            NdTarget.Read(icmp),
            options.TargetLinkLayerAddress);
    }
}
