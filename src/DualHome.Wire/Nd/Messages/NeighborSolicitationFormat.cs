using System.Net;
using DualHome.Wire.Icmpv6;
using DualHome.Wire.Ipv6;
using DualHome.Wire.Nd.Options;

namespace DualHome.Wire.Nd.Messages;

/// <summary>Writes a Neighbor Solicitation (type 135), RFC 4861 §4.3.</summary>
public static class NeighborSolicitationWriter
{
    private const int TargetOffset = NdTarget.Offset; // §4.3: after Type, Code, Checksum, Reserved

    public static int Measure(NeighborSolicitation message)
    {
        ArgumentNullException.ThrowIfNull(message);
        NdTarget.Require(message.Target, nameof(message));
        LinkLayerAddressOption.RequireEthernet(message.SourceLinkLayerAddress);
        return NdConstants.NeighborSolicitationLength + LinkLayerAddressOption.Measure(message.SourceLinkLayerAddress);
    }

    /// <summary>Writes the message with checksum 0; returns its length. Throws if <paramref name="buffer"/> is too small.</summary>
    public static int Write(NeighborSolicitation message, Span<byte> buffer)
    {
        Span<byte> icmp = NdMessageBuffer.Reserve(buffer, Measure(message));
        NdMessageBuffer.WriteHeader(icmp, NdType.NeighborSolicitation);
        Ipv6Bytes.Write(message.Target, icmp[TargetOffset..]);
        if (message.SourceLinkLayerAddress is { } slla)
            LinkLayerAddressOption.Write(NdOptionType.SourceLinkLayerAddress, slla, icmp[NdConstants.NeighborSolicitationLength..]);
        return icmp.Length;
    }

    public static bool TryWrite(NeighborSolicitation message, Span<byte> buffer, out int written)
    {
        written = Measure(message) <= buffer.Length ? Write(message, buffer) : 0;
        return written > 0;
    }

    /// <summary>Writes the message with its checksum computed for the given IPv6 source and destination.</summary>
    public static int WriteWithChecksum(NeighborSolicitation message, Span<byte> buffer, IPAddress source, IPAddress destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        NdMessageBuffer.RequireNoSllaFromUnspecified(source, message.SourceLinkLayerAddress, nameof(message));
        int length = Write(message, buffer);
        Icmpv6Checksum.Fill(buffer[..length], source, destination);
        return length;
    }
}

/// <summary>Reads a validated Neighbor Solicitation, RFC 4861 §4.3.</summary>
internal static class NeighborSolicitationParser
{
    public static NeighborSolicitation? Read(ReadOnlySpan<byte> icmp, out NdOptionFault fault)
    {
        fault = NdOptionFault.None;
        if (icmp.Length < NdConstants.NeighborSolicitationLength)
            return null;
        var options = new NdOptionSet();
        fault = NdOptionTable.ReadAll(icmp[NdConstants.NeighborSolicitationLength..], NdOptionTable.NeighborSolicitation, options);
        return new NeighborSolicitation(NdTarget.Read(icmp), options.SourceLinkLayerAddress);
    }
}
