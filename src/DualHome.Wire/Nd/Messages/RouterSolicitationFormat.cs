using System.Net;
using DualHome.Wire.Icmpv6;
using DualHome.Wire.Nd.Options;

namespace DualHome.Wire.Nd.Messages;

/// <summary>Writes a Router Solicitation (type 133), RFC 4861 §4.1.</summary>
public static class RouterSolicitationWriter
{
    public static int Measure(RouterSolicitation message)
    {
        ArgumentNullException.ThrowIfNull(message);
        LinkLayerAddressOption.RequireEthernet(message.SourceLinkLayerAddress);
        return NdConstants.RouterSolicitationLength + LinkLayerAddressOption.Measure(message.SourceLinkLayerAddress);
    }

    /// <summary>Writes the message with checksum 0; returns its length. Throws if <paramref name="buffer"/> is too small.</summary>
    public static int Write(RouterSolicitation message, Span<byte> buffer)
    {
        Span<byte> icmp = NdMessageBuffer.Reserve(buffer, Measure(message));
        NdMessageBuffer.WriteHeader(icmp, NdType.RouterSolicitation);
        if (message.SourceLinkLayerAddress is { } slla)
            LinkLayerAddressOption.Write(NdOptionType.SourceLinkLayerAddress, slla, icmp[NdConstants.RouterSolicitationLength..]);
        return icmp.Length;
    }

    public static bool TryWrite(RouterSolicitation message, Span<byte> buffer, out int written)
    {
        written = Measure(message) <= buffer.Length ? Write(message, buffer) : 0;
        return written > 0;
    }

    /// <summary>Writes the message with its checksum computed for the given IPv6 source and destination.</summary>
    public static int WriteWithChecksum(RouterSolicitation message, Span<byte> buffer, IPAddress source, IPAddress destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        NdMessageBuffer.RequireNoSllaFromUnspecified(source, message.SourceLinkLayerAddress, nameof(message));
        int length = Write(message, buffer);
        Icmpv6Checksum.Fill(buffer[..length], source, destination);
        return length;
    }
}

/// <summary>Reads a validated Router Solicitation, RFC 4861 §4.1.</summary>
internal static class RouterSolicitationParser
{
    public static RouterSolicitation? Read(ReadOnlySpan<byte> icmp, out NdOptionFault fault)
    {
        fault = NdOptionFault.None;
        if (icmp.Length < NdConstants.RouterSolicitationLength)
            return null;
        var options = new NdOptionSet();
        fault = NdOptionTable.ReadAll(icmp[NdConstants.RouterSolicitationLength..], NdOptionTable.RouterSolicitation, options);
        return new RouterSolicitation(options.SourceLinkLayerAddress);
    }
}
