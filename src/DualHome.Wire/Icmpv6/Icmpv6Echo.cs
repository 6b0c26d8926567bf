using System.Buffers.Binary;

namespace DualHome.Wire.Icmpv6;

/// <summary>ICMPv6 Echo Request (128) and Echo Reply (129), RFC 4443 §4.1–§4.2: type, code 0, checksum,
/// identifier, sequence number, data. Used by the uplink probes.</summary>
public static class Icmpv6Echo
{
    public const byte RequestType = 128;
    public const byte ReplyType = 129;
    /// <summary>RFC 4443 §4.1: the fixed part is 8 bytes.</summary>
    public const int HeaderLength = 8;

    /// <summary>Writes a request with <paramref name="payload"/>; checksum 0 (a raw ICMPv6 socket fills it in).</summary>
    public static int WriteRequest(Span<byte> buffer, ushort identifier, ushort sequence, ReadOnlySpan<byte> payload)
    {
        int length = HeaderLength + payload.Length;
        if (buffer.Length < length)
            throw new ArgumentException($"echo request needs {length} bytes, the buffer has {buffer.Length}", nameof(buffer));
        buffer[0] = RequestType;
        buffer[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[4..], identifier);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[6..], sequence);
        payload.CopyTo(buffer[HeaderLength..]);
        return length;
    }

    /// <summary>Reads an Echo Reply; false for anything else or a message shorter than §4.2's fixed part.</summary>
    public static bool TryReadReply(ReadOnlySpan<byte> icmp, out ushort identifier, out ushort sequence)
    {
        identifier = sequence = 0;
        if (icmp.Length < HeaderLength) return false; // RFC 4443 §4.2: 8-byte fixed part
        if (icmp[0] != ReplyType || icmp[1] != 0) return false; // §4.2: type 129, code 0
        identifier = BinaryPrimitives.ReadUInt16BigEndian(icmp[4..]);
        sequence = BinaryPrimitives.ReadUInt16BigEndian(icmp[6..]);
        return true;
    }
}
