namespace DualHome.Wire.Dns;

/// <summary>
/// Name compression for one message being written (RFC 1035 §4.1.4): every suffix of every name written is
/// remembered with its offset, and a later name ends in a pointer to the longest suffix already present. This is
/// what BIND's nsupdate does, so our UPDATE messages match its bytes. Matching is exact (ordinal): a pointer to a
/// differently-cased suffix would change the name's case on the wire. Measuring uses the same path as writing.
/// </summary>
internal sealed class DnsNameCompressor
{
    /// <summary>RFC 1035 §4.1.4: a pointer is 14 bits, so only the first 16 KiB of a message can be pointed at.</summary>
    public const int MaxPointerOffset = 0x3fff;

    private const byte PointerTag = 0xc0; // RFC 1035 §4.1.4: the two high bits set
    private readonly Dictionary<string, int> suffixes = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes <paramref name="name"/> at <paramref name="offset"/> of <paramref name="message"/> (or only counts when
    /// <paramref name="message"/> is empty) and returns the octets it takes; throws for a name that cannot be encoded.
    /// </summary>
    public int Write(string name, Span<byte> message, int offset)
    {
        string text = DnsWireName.Normalize(name);
        bool writing = !message.IsEmpty;
        int length = 0;
        for (int start = 0; ;)
        {
            if (suffixes.TryGetValue(text[start..], out int target))
            {
                if (writing)
                {
                    message[offset + length] = (byte)(PointerTag | target >> 8);
                    message[offset + length + 1] = (byte)target;
                }
                return length + 2;
            }
            if (offset + length <= MaxPointerOffset)
                suffixes[text[start..]] = offset + length;
            int dot = text.IndexOf('.', start);
            int end = dot < 0 ? text.Length : dot;
            if (writing)
                WriteLabel(text.AsSpan(start, end - start), message[(offset + length)..]);
            length += 1 + end - start;
            if (dot < 0)
            {
                if (writing)
                    message[offset + length] = 0; // RFC 1035 §3.1: the root label ends the name
                return length + 1;
            }
            start = dot + 1;
        }
    }

    private static void WriteLabel(ReadOnlySpan<char> label, Span<byte> destination)
    {
        destination[0] = (byte)label.Length;
        for (int i = 0; i < label.Length; i++)
            destination[1 + i] = (byte)label[i];
    }
}
