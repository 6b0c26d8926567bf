using System.Net;

namespace DualHome.Wire.Nd.Messages;

/// <summary>What every ND message writer does first: check the buffer, then lay down the ICMPv6 header.</summary>
internal static class NdMessageBuffer
{
    /// <summary>The first <paramref name="length"/> bytes of <paramref name="buffer"/>; throws when it is too small.</summary>
    public static Span<byte> Reserve(Span<byte> buffer, int length)
    {
        if (buffer.Length < length)
            throw new ArgumentException($"Buffer of {buffer.Length} bytes is too small: the message needs {length}.", nameof(buffer));
        return buffer[..length];
    }

    /// <summary>
    /// RFC 4443 §2.1 header with Code 0 (RFC 4861 §4.1–§4.4) and the Reserved word zeroed. The checksum stays 0:
    /// a raw ICMPv6 socket fills it in (RFC 3542 §3.1); <c>WriteWithChecksum</c> fills it otherwise.
    /// </summary>
    public static void WriteHeader(Span<byte> icmp, NdType type)
    {
        icmp[..8].Clear();
        icmp[0] = (byte)type;
    }

    /// <summary>§4.1, §4.3: a message from the unspecified address MUST NOT carry a Source Link-Layer Address option.</summary>
    public static void RequireNoSllaFromUnspecified(IPAddress source, object? sourceLinkLayerAddress, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (sourceLinkLayerAddress is not null && source.Equals(IPAddress.IPv6Any))
            throw new ArgumentException("A message from :: MUST NOT carry a Source Link-Layer Address option (RFC 4861 §4.1, §4.3).", parameterName);
    }
}
