using System.Buffers.Binary;

namespace DualHome.Wire.Dns;

/// <summary>
/// Lays out a message field by field into a buffer, or, built over an empty buffer, only counts, so that a
/// writer's Measure and Write run the same code and cannot disagree. The buffer must already be checked to hold
/// the measured length.
/// </summary>
internal ref struct DnsMessageBuilder
{
    private readonly Span<byte> buffer;
    private readonly bool writing;
    private readonly DnsNameCompressor names = new();

    public DnsMessageBuilder(Span<byte> buffer)
    {
        this.buffer = buffer;
        writing = !buffer.IsEmpty;
    }

    public int Position { get; private set; }

    public void Header(in DnsHeader header)
    {
        if (writing)
            header.Write(buffer[Position..]);
        Position += DnsHeader.Length;
    }

    /// <summary>A name, compressed against the names written before it (RFC 1035 §4.1.4).</summary>
    public void Name(string name) => Position += names.Write(name, writing ? buffer : default, Position);

    public void UInt16(ushort value)
    {
        if (writing)
            BinaryPrimitives.WriteUInt16BigEndian(buffer[Position..], value);
        Position += sizeof(ushort);
    }

    public void UInt32(uint value)
    {
        if (writing)
            BinaryPrimitives.WriteUInt32BigEndian(buffer[Position..], value);
        Position += sizeof(uint);
    }

    public void Bytes(scoped ReadOnlySpan<byte> value)
    {
        if (writing)
            value.CopyTo(buffer[Position..]);
        Position += value.Length;
    }
}
