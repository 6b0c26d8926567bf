using DualHome.Wire.Icmpv6;
using DualHome.Wire.Ipv6;
using DualHome.Wire.Nd.Messages;
using DualHome.Wire.Nd.Options;

namespace DualHome.Wire.Nd;

/// <summary>
/// The validity checks of RFC 4861 §6.1.1 (RS), §6.1.2 (RA), §7.1.1 (NS) and §7.1.2 (NA), exactly as listed there,
/// over the raw bytes: allocation-free, never throws on any message content.
/// </summary>
internal static class NdValidator
{
    private const byte SolicitedFlag = 0x40; // §4.4 S, in the byte after the checksum

    public static NdReadResult Validate(ReadOnlySpan<byte> icmp, in NdPacketContext context, NdType? expected)
    {
        if (icmp.Length < Icmpv6Checksum.HeaderLength)
            return NdReadResult.TooShort; // RFC 4443 §2.1: not even Type, Code, Checksum
        var type = (NdType)icmp[0];
        int headerLength = NdConstants.HeaderLength(type);
        if (headerLength == 0)
            return NdReadResult.UnknownType;
        if (expected is { } wanted && wanted != type)
            return NdReadResult.WrongType;
        NdReadResult common = CheckCommon(icmp, context, headerLength);
        return common != NdReadResult.Ok ? common : CheckMessage(type, icmp, context, icmp[headerLength..]);
    }

    /// <summary>The checks all four messages share, in the RFC's order: hop limit, checksum, code, length, option lengths.</summary>
    private static NdReadResult CheckCommon(ReadOnlySpan<byte> icmp, in NdPacketContext context, int headerLength)
    {
        if (context.HopLimit != NdConstants.HopLimit)
            return NdReadResult.BadHopLimit;
        if (context.VerifyChecksum && !Icmpv6Checksum.Verify(context.Source, context.Destination, icmp))
            return NdReadResult.BadChecksum;
        if (icmp[1] != 0)
            return NdReadResult.BadCode;
        if (icmp.Length < headerLength)
            return NdReadResult.TooShort;
        return NdOptionWalker.CheckFraming(icmp[headerLength..]);
    }

    private static NdReadResult CheckMessage(NdType type, ReadOnlySpan<byte> icmp, in NdPacketContext context, ReadOnlySpan<byte> options) => type switch
    {
        NdType.RouterSolicitation => CheckUnspecifiedSource(context, options),
        NdType.RouterAdvertisement => CheckRouterAdvertisement(context),
        NdType.NeighborSolicitation => CheckNeighborSolicitation(icmp, context, options),
        _ => CheckNeighborAdvertisement(icmp, context),
    };

    /// <summary>§6.1.2: "IP Source Address is a link-local address."</summary>
    private static NdReadResult CheckRouterAdvertisement(in NdPacketContext context) =>
        Ipv6Bytes.IsLinkLocalUnicast(context.Source) ? NdReadResult.Ok : NdReadResult.BadSource;

    /// <summary>§6.1.1, §7.1.1: from the unspecified address, "there is no source link-layer address option".</summary>
    private static NdReadResult CheckUnspecifiedSource(in NdPacketContext context, ReadOnlySpan<byte> options) =>
        Ipv6Bytes.IsUnspecified(context.Source) && NdOptionWalker.Contains(options, NdOptionType.SourceLinkLayerAddress)
            ? NdReadResult.BadSource
            : NdReadResult.Ok;

    /// <summary>§7.1.1: target not multicast; from ::, sent to a solicited-node address and without SLLA.</summary>
    private static NdReadResult CheckNeighborSolicitation(ReadOnlySpan<byte> icmp, in NdPacketContext context, ReadOnlySpan<byte> options)
    {
        if (Ipv6Bytes.IsMulticast(NdTarget.Slice(icmp)))
            return NdReadResult.TargetMulticast;
        if (Ipv6Bytes.IsUnspecified(context.Source) && !Ipv6Bytes.IsSolicitedNodeMulticast(context.Destination))
            return NdReadResult.BadDestination;
        return CheckUnspecifiedSource(context, options);
    }

    /// <summary>§7.1.2: target not multicast; to a multicast destination only with the Solicited flag clear.</summary>
    private static NdReadResult CheckNeighborAdvertisement(ReadOnlySpan<byte> icmp, in NdPacketContext context)
    {
        if (Ipv6Bytes.IsMulticast(NdTarget.Slice(icmp)))
            return NdReadResult.TargetMulticast;
        if (Ipv6Bytes.IsMulticast(context.Destination) && (icmp[4] & SolicitedFlag) != 0)
            return NdReadResult.SolicitedToMulticast;
        return NdReadResult.Ok;
    }
}
