using DualHome.Wire.Nd.Messages;

namespace DualHome.Wire.Nd;

/// <summary>
/// Reads received ND messages (the ICMPv6 part, from the Type byte on). Every method returns
/// <see cref="NdReadResult.Ok"/> with a model, or the RFC 4861 §6.1/§7.1 reason to drop the message with a
/// null model. Never throws on message content. Known options that are malformed are left out of the model and
/// reported through <c>ignoredOption</c> (the first such fault), since the RFCs have receivers ignore them.
/// </summary>
public static class NdReader
{
    /// <summary>Validates any RS/RA/NS/NA without building a model: allocation-free, for the data plane.</summary>
    public static NdReadResult Validate(ReadOnlySpan<byte> icmp, in NdPacketContext context) =>
        NdValidator.Validate(icmp, context, expected: null);

    public static NdReadResult TryRead(ReadOnlySpan<byte> icmp, in NdPacketContext context, out RouterSolicitation? message) =>
        TryRead(icmp, context, out message, out _);

    public static NdReadResult TryRead(ReadOnlySpan<byte> icmp, in NdPacketContext context, out RouterSolicitation? message, out NdOptionFault ignoredOption) =>
        Read(icmp, context, NdType.RouterSolicitation, RouterSolicitationParser.Read, out message, out ignoredOption);

    public static NdReadResult TryRead(ReadOnlySpan<byte> icmp, in NdPacketContext context, out RouterAdvertisement? message) =>
        TryRead(icmp, context, out message, out _);

    public static NdReadResult TryRead(ReadOnlySpan<byte> icmp, in NdPacketContext context, out RouterAdvertisement? message, out NdOptionFault ignoredOption) =>
        Read(icmp, context, NdType.RouterAdvertisement, RouterAdvertisementParser.Read, out message, out ignoredOption);

    public static NdReadResult TryRead(ReadOnlySpan<byte> icmp, in NdPacketContext context, out NeighborSolicitation? message) =>
        TryRead(icmp, context, out message, out _);

    public static NdReadResult TryRead(ReadOnlySpan<byte> icmp, in NdPacketContext context, out NeighborSolicitation? message, out NdOptionFault ignoredOption) =>
        Read(icmp, context, NdType.NeighborSolicitation, NeighborSolicitationParser.Read, out message, out ignoredOption);

    public static NdReadResult TryRead(ReadOnlySpan<byte> icmp, in NdPacketContext context, out NeighborAdvertisement? message) =>
        TryRead(icmp, context, out message, out _);

    public static NdReadResult TryRead(ReadOnlySpan<byte> icmp, in NdPacketContext context, out NeighborAdvertisement? message, out NdOptionFault ignoredOption) =>
        Read(icmp, context, NdType.NeighborAdvertisement, NeighborAdvertisementParser.Read, out message, out ignoredOption);

    private delegate T? Parser<T>(ReadOnlySpan<byte> icmp, out NdOptionFault fault);

    /// <summary>Validate first (RFC 4861 §6.1/§7.1: a message failing any check is discarded whole), then build
    /// the model; the model is null unless the result is Ok.</summary>
    private static NdReadResult Read<T>(ReadOnlySpan<byte> icmp, in NdPacketContext context, NdType type, Parser<T> parse,
        out T? message, out NdOptionFault ignoredOption) where T : class
    {
        message = null;
        ignoredOption = NdOptionFault.None;
        NdReadResult result = NdValidator.Validate(icmp, context, type);
        if (result == NdReadResult.Ok)
            message = parse(icmp, out ignoredOption);
        return result;
    }
}
