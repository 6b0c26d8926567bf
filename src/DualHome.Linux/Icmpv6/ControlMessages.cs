using System.Buffers.Binary;
using DualHome.Linux.Interop;

namespace DualHome.Linux.Icmpv6;

/// <summary>
/// Reads and writes the cmsghdr chain of recvmsg/sendmsg (cmsg(3), RFC 3542 §20.2). A header is
/// { size_t cmsg_len; int cmsg_level; int cmsg_type; } and each element is padded to sizeof(size_t):
/// 16-byte headers and 8-byte alignment on the 64-bit targets. Host order; little-endian is asserted.
/// </summary>
internal static class ControlMessages
{
    /// <summary>CMSG_ALIGN(sizeof(struct cmsghdr)).</summary>
    public static int HeaderSize => Align(nint.Size + 2 * sizeof(int));

    /// <summary>CMSG_ALIGN: round up to the size of size_t.</summary>
    public static int Align(int length) => (length + nint.Size - 1) & ~(nint.Size - 1);

    /// <summary>CMSG_SPACE: bytes one element with <paramref name="dataLength"/> bytes of data occupies.</summary>
    public static int Space(int dataLength) => HeaderSize + Align(dataLength);

    /// <summary>
    /// Walks the chain and keeps IPV6_HOPLIMIT and IPV6_PKTINFO. Stops quietly at a malformed element
    /// (never throws per packet): the caller sees the fields it did not get as absent.
    /// </summary>
    public static ReceivedAncillaryData Parse(ReadOnlySpan<byte> control)
    {
        var result = ReceivedAncillaryData.Empty;
        var offset = 0;
        while (TryReadElement(control, ref offset, out var level, out var type, out var data))
        {
            if (level == Ipv6Constants.IPPROTO_IPV6)
            {
                Apply(ref result, type, data);
            }
        }

        return result;
    }

    /// <summary>Writes one IPV6_PKTINFO element choosing the source address and interface; returns its space.</summary>
    public static int WritePacketInfo(Span<byte> control, ReadOnlySpan<byte> source, int interfaceIndex)
    {
        const int dataLength = 20; // sizeof(struct in6_pktinfo)
        var space = Space(dataLength);
        if (control.Length < space || source.Length != 16)
        {
            throw new ArgumentException("control buffer too small or source not 16 bytes");
        }

        control[..space].Clear();
        WriteNative(control, HeaderSize + dataLength); // cmsg_len = CMSG_LEN(20)
        BinaryPrimitives.WriteInt32LittleEndian(control[nint.Size..], Ipv6Constants.IPPROTO_IPV6);
        BinaryPrimitives.WriteInt32LittleEndian(control[(nint.Size + 4)..], Ipv6Constants.IPV6_PKTINFO);
        source.CopyTo(control[HeaderSize..]);
        BinaryPrimitives.WriteInt32LittleEndian(control[(HeaderSize + 16)..], interfaceIndex);
        return space;
    }

    private static void Apply(ref ReceivedAncillaryData result, int type, ReadOnlySpan<byte> data)
    {
        if (type == Ipv6Constants.IPV6_HOPLIMIT && data.Length >= sizeof(int))
        {
            result.HopLimit = BinaryPrimitives.ReadInt32LittleEndian(data);
        }
        else if (type == Ipv6Constants.IPV6_PKTINFO && data.Length >= 20)
        {
            data[..16].CopyTo(result.Destination);
            result.InterfaceIndex = BinaryPrimitives.ReadInt32LittleEndian(data[16..]);
            result.HasPacketInfo = true;
        }
    }

    private static bool TryReadElement(
        ReadOnlySpan<byte> control, ref int offset, out int level, out int type, out ReadOnlySpan<byte> data)
    {
        level = type = 0;
        data = default;
        if (control.Length - offset < HeaderSize)
        {
            return false;
        }

        var element = control[offset..];
        var length = ReadNative(element);
        if (length < (ulong)HeaderSize || length > (ulong)element.Length)
        {
            return false; // cmsg_len must cover its header and stay inside msg_controllen
        }

        level = BinaryPrimitives.ReadInt32LittleEndian(element[nint.Size..]);
        type = BinaryPrimitives.ReadInt32LittleEndian(element[(nint.Size + 4)..]);
        data = element[HeaderSize..(int)length];
        offset += Math.Min(Align((int)length), element.Length);
        return true;
    }

    private static ulong ReadNative(ReadOnlySpan<byte> source) => nint.Size == 8
        ? BinaryPrimitives.ReadUInt64LittleEndian(source)
        : BinaryPrimitives.ReadUInt32LittleEndian(source);

    private static void WriteNative(Span<byte> destination, int value)
    {
        if (nint.Size == 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination, (ulong)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)value);
        }
    }
}
