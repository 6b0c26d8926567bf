namespace DualHome.Wire.Dns;

/// <summary>
/// Reads a possibly compressed name out of a received message (RFC 1035 §3.1, §4.1.4) into its canonical form:
/// uncompressed wire octets with ASCII letters lowercased (RFC 4034 §6.2, which RFC 8945 §4.3.3 uses for the TSIG
/// variables). Never throws: anything malformed returns false.
/// </summary>
internal static class DnsNameReader
{
    private const int PointerTag = 0xc0; // RFC 1035 §4.1.4: 11 in the two high bits

    /// <summary>
    /// Reads the name at <paramref name="position"/>, advancing it past the name as it sits there (a pointer ends
    /// it). Pointers must point strictly before the labels that hold them, which rules out loops. The canonical form
    /// goes to <paramref name="canonical"/> (at least 255 octets) and its length to <paramref name="length"/>.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> message, ref int position, Span<byte> canonical, out int length)
    {
        length = 0;
        int cursor = position;
        int end = -1;      // where the name ends in place: set at the first pointer
        int lowest = cursor; // a pointer must go below every label read so far
        while (cursor < message.Length)
        {
            int octet = message[cursor];
            if (octet == 0)
                return Finish(canonical, ref length, ref position, end < 0 ? cursor + 1 : end);
            if ((octet & PointerTag) == PointerTag)
            {
                if (!TryFollow(message, cursor, lowest, out int target))
                    return false;
                if (end < 0)
                    end = cursor + 2;
                cursor = lowest = target;
                continue;
            }
            if (!TryCopyLabel(message, ref cursor, canonical, ref length))
                return false;
        }
        return false; // RFC 1035 §3.1: ran out before the root label
    }

    /// <summary>Skips the name at <paramref name="position"/>, checking it as <see cref="TryRead"/> does.</summary>
    public static bool TrySkip(ReadOnlySpan<byte> message, ref int position)
    {
        Span<byte> scratch = stackalloc byte[DnsWireName.MaxWireLength];
        return TryRead(message, ref position, scratch, out _);
    }

    /// <summary>
    /// Text of a name in wire form, for logs and comparison with configured names: labels joined by '.', no
    /// trailing dot ("." for the root), any octet other than a letter, digit, '-' or '_' as \DDD (RFC 1035 §5.1),
    /// so distinct wire names never share a text.
    /// </summary>
    public static string ToText(ReadOnlySpan<byte> wire)
    {
        var text = new System.Text.StringBuilder();
        for (int position = 0; position < wire.Length && wire[position] != 0; position += 1 + wire[position])
        {
            if (text.Length > 0)
                text.Append('.');
            foreach (byte b in wire.Slice(position + 1, wire[position]))
                AppendOctet(text, b);
        }
        return text.Length == 0 ? "." : text.ToString();
    }

    private static void AppendOctet(System.Text.StringBuilder text, byte b)
    {
        if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_')
            text.Append((char)b);
        else
            text.Append('\\').Append(b.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool TryFollow(ReadOnlySpan<byte> message, int cursor, int lowest, out int target)
    {
        target = 0;
        if (cursor + 1 >= message.Length)
            return false; // RFC 1035 §4.1.4: a pointer is two octets
        target = (message[cursor] & ~PointerTag) << 8 | message[cursor + 1];
        return target < lowest; // backwards only: no loops, no forward references
    }

    private static bool TryCopyLabel(ReadOnlySpan<byte> message, ref int cursor, Span<byte> canonical, ref int length)
    {
        int labelLength = message[cursor];
        // RFC 1035 §2.3.4: labels are at most 63 octets; 01/10 in the high bits are not labels (RFC 6891 §5).
        if (labelLength > DnsWireName.MaxLabelLength || cursor + 1 + labelLength > message.Length)
            return false;
        if (length + 1 + labelLength + 1 > DnsWireName.MaxWireLength)
            return false; // RFC 1035 §2.3.4: 255 octets with the root label
        canonical[length++] = (byte)labelLength;
        foreach (byte b in message.Slice(cursor + 1, labelLength))
            canonical[length++] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + ('a' - 'A')) : b;
        cursor += 1 + labelLength;
        return true;
    }

    private static bool Finish(Span<byte> canonical, ref int length, ref int position, int end)
    {
        canonical[length++] = 0;
        position = end;
        return true;
    }
}
