using System.Diagnostics.CodeAnalysis;

namespace DualHome.Wire.Dns;

/// <summary>
/// Domain names in DNS wire form (RFC 1035 §3.1: length-prefixed labels ending in a zero octet), uncompressed,
/// as RFC 8106 §5.2 requires inside a DNSSL option and RFC 8945 §4.2 for TSIG names. Names are host-name style:
/// letters, digits, '-' and '_'. Compressed names are written by <see cref="DnsNameCompressor"/> and read by
/// <see cref="DnsNameReader"/>.
/// </summary>
internal static class DnsWireName
{
    /// <summary>RFC 1035 §2.3.4: a label is at most 63 octets.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>RFC 1035 §2.3.4: a name is at most 255 octets on the wire, length octets included.</summary>
    public const int MaxWireLength = 255;

    /// <summary>Wire length of <paramref name="name"/>; throws <see cref="ArgumentException"/> if it cannot be encoded.</summary>
    public static int Measure(string name) => Normalize(name).Length + 2;

    /// <summary>Encodes <paramref name="name"/> at the start of <paramref name="destination"/>; returns the octets written.</summary>
    public static int Write(string name, Span<byte> destination)
    {
        string text = Normalize(name);
        Span<byte> wire = destination[..(text.Length + 2)];
        int position = 0;
        foreach (Range label in text.AsSpan().Split('.'))
        {
            ReadOnlySpan<char> chars = text.AsSpan()[label];
            wire[position++] = (byte)chars.Length;
            foreach (char c in chars)
                wire[position++] = (byte)c;
        }
        wire[position++] = 0; // RFC 1035 §3.1: the root label ends the name
        return position;
    }

    /// <summary>
    /// Reads names until the data ends or padding starts. RFC 8106 §5.2: what follows the last name is zero
    /// padding; at least one name must be present. Returns false for anything malformed.
    /// </summary>
    public static bool TryReadList(ReadOnlySpan<byte> data, List<string> names)
    {
        int position = 0;
        while (position < data.Length && data[position] != 0)
        {
            if (!TryRead(data, ref position, out string? name))
                return false;
            names.Add(name);
        }
        return names.Count > 0 && !data[position..].ContainsAnyExcept((byte)0);
    }

    private static bool TryRead(ReadOnlySpan<byte> data, ref int position, [NotNullWhen(true)] out string? name)
    {
        name = null;
        Span<char> text = stackalloc char[MaxWireLength];
        int length = 0;
        int start = position;
        while (position < data.Length)
        {
            int labelLength = data[position++];
            if (labelLength == 0)
                return Finish(text[..Math.Max(length - 1, 0)], position - start, out name);
            if (!TryAppendLabel(data, ref position, labelLength, text, ref length))
                return false;
        }
        return false; // RFC 1035 §3.1: a name must end with the zero-length root label
    }

    private static bool TryAppendLabel(ReadOnlySpan<byte> data, ref int position, int labelLength, Span<char> text, ref int length)
    {
        // RFC 1035 §2.3.4 limits a label to 63; larger values are compression pointers (§4.1.4),
        // which RFC 8106 §5.2 forbids here.
        if (labelLength > MaxLabelLength || position + labelLength > data.Length || length + labelLength + 1 > MaxWireLength)
            return false;
        foreach (byte b in data.Slice(position, labelLength))
        {
            if (!IsNameChar((char)b))
                return false;
            text[length++] = (char)b;
        }
        text[length++] = '.';
        position += labelLength;
        return true;
    }

    private static bool Finish(ReadOnlySpan<char> text, int wireLength, [NotNullWhen(true)] out string? name)
    {
        name = text.IsEmpty || wireLength > MaxWireLength ? null : new string(text);
        return name is not null;
    }

    /// <summary>Drops one trailing dot and checks every label; throws for a name that cannot be encoded.</summary>
    internal static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string text = name.EndsWith('.') ? name[..^1] : name;
        if (text.Length == 0 || text.Length + 2 > MaxWireLength)
            throw new ArgumentException($"Domain name '{name}' is empty or longer than {MaxWireLength} octets (RFC 1035 §2.3.4).", nameof(name));
        foreach (Range label in text.AsSpan().Split('.'))
            RequireLabel(text.AsSpan()[label], name);
        return text;
    }

    private static void RequireLabel(ReadOnlySpan<char> label, string name)
    {
        if (label.IsEmpty || label.Length > MaxLabelLength)
            throw new ArgumentException($"Domain name '{name}' has an empty or over-long label (RFC 1035 §2.3.4).", nameof(name));
        foreach (char c in label)
        {
            if (!IsNameChar(c))
                throw new ArgumentException($"Domain name '{name}' contains '{c}' (RFC 1035 §2.3.1 letters, digits, hyphen).", nameof(name));
        }
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
