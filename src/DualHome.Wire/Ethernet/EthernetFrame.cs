using System.Buffers.Binary;

namespace DualHome.Wire.Ethernet;

/// <summary>
/// An Ethernet II frame as AF_PACKET delivers it (no preamble, no FCS): destination MAC, source MAC, EtherType,
/// payload (RFC 2464 §3 for IPv6). A view over the caller's bytes; reading and writing allocate nothing.
/// </summary>
public readonly ref struct EthernetFrame
{
    /// <summary>Destination (6) + source (6) + EtherType (2).</summary>
    public const int HeaderLength = 14;

    /// <summary>IEEE 802.3 minimum frame of 64 octets less the 4-octet FCS: shorter payloads are padded up to this
    /// (RFC 2464 §3: "possibly padding octets to meet the minimum frame size").</summary>
    public const int MinimumLength = 60;

    /// <summary>RFC 2464 §2: the default IPv6 MTU on Ethernet, 1500 octets, plus the header.</summary>
    public const int MaximumUntaggedLength = HeaderLength + 1500;

    private const int SourceOffset = 6;
    private const int EtherTypeOffset = 12;

    private readonly ReadOnlySpan<byte> _frame;

    private EthernetFrame(ReadOnlySpan<byte> frame) => _frame = frame;

    public Mac Destination => Mac.Read(_frame);
    public Mac Source => Mac.Read(_frame[SourceOffset..]);
    public ushort EtherType => BinaryPrimitives.ReadUInt16BigEndian(_frame[EtherTypeOffset..]);
    public ReadOnlySpan<byte> Payload => _frame[HeaderLength..];
    public int Length => _frame.Length;

    /// <summary>True when the link may have padded the payload: only frames at or below the minimum size are.</summary>
    public bool MayBePadded => _frame.Length <= MinimumLength;

    /// <summary>Reads the header; on anything but <see cref="EthernetReadResult.Ok"/> the view is empty.</summary>
    public static EthernetReadResult TryRead(ReadOnlySpan<byte> frame, out EthernetFrame ethernet)
    {
        ethernet = default;
        if (frame.Length < HeaderLength)
            return EthernetReadResult.TooShort;
        if (EtherTypes.IsVlanTag(BinaryPrimitives.ReadUInt16BigEndian(frame[EtherTypeOffset..])))
            return EthernetReadResult.VlanTagged; // IEEE 802.1Q: the tag's TPID sits where the EtherType would be
        ethernet = new EthernetFrame(frame);
        return EthernetReadResult.Ok;
    }

    /// <summary>Writes the 14-byte header; false (nothing written) when <paramref name="frame"/> is shorter.</summary>
    public static bool TryWriteHeader(Span<byte> frame, Mac destination, Mac source, ushort etherType)
    {
        if (!TryWriteAddresses(frame, destination, source))
            return false;
        BinaryPrimitives.WriteUInt16BigEndian(frame[EtherTypeOffset..], etherType);
        return true;
    }

    /// <summary>Rewrites destination and source in place (forwarding); false when the frame has no header.</summary>
    public static bool TryWriteAddresses(Span<byte> frame, Mac destination, Mac source)
    {
        if (frame.Length < HeaderLength)
            return false;
        destination.Write(frame);
        source.Write(frame[SourceOffset..]);
        return true;
    }
}
