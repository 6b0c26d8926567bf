using System.Buffers.Binary;
using DualHome.Wire.Icmpv6;

namespace DualHome.Wire.Offload;

/// <summary>
/// Completes a checksum a sender left to the hardware (CHECKSUM_PARTIAL, VIRTIO_NET_HDR_F_NEEDS_CSUM): the field at
/// csum_start + csum_offset holds the pseudo-header sum, and the one's complement of the sum from csum_start to the
/// end goes there (what the kernel's skb_checksum_help does). Needed when a frame leaves without its vnet header,
/// as a frame held for neighbour resolution does.
/// </summary>
public static class PartialChecksum
{
    /// <summary>RFC 768: a computed UDP checksum of zero is sent as all ones (zero means "none"); CSUM_MANGLED_0.</summary>
    private const ushort MangledZero = 0xffff;

    /// <summary>Fills the checksum in place; false (frame untouched) when the offsets lie outside the frame.</summary>
    public static bool TryComplete(Span<byte> frame, in VirtioNetHeader header)
    {
        int start = header.ChecksumStart;
        int field = start + header.ChecksumOffset;
        if (start >= frame.Length || field + 2 > frame.Length)
            return false;
        ushort folded = Icmpv6Checksum.Fold(Icmpv6Checksum.Sum(frame[start..]));
        ushort checksum = (ushort)~folded;
        BinaryPrimitives.WriteUInt16BigEndian(frame[field..], checksum == 0 ? MangledZero : checksum);
        return true;
    }
}
