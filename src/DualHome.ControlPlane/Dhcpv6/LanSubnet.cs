using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace DualHome.ControlPlane.Dhcpv6;

/// <summary>
/// The LAN /64 taken from a delegated prefix (issue 8: <c>SubnetId</c>, default 0): the delegated prefix with the
/// subnet id in the bits between its length and 64, as RFC 8415 §6.3 leaves the
/// requesting router to subnet its delegation onto its links.
/// </summary>
public static class LanSubnet
{
    /// <summary>RFC 4291 §2.5.4 / RFC 7421: a LAN for SLAAC is a /64.</summary>
    public const int Length = 64;

    /// <summary>The /64 numbered <paramref name="subnetId"/> inside <paramref name="delegated"/>; false when the
    /// delegation is not IPv6, is longer than /64, or the id needs more than the 64 − length free bits.</summary>
    public static bool TryFrom(IPNetwork delegated, ulong subnetId, out IPNetwork lan)
    {
        lan = default;
        int freeBits = Length - delegated.PrefixLength;
        if (delegated.BaseAddress.AddressFamily != AddressFamily.InterNetworkV6 || freeBits < 0)
            return false;
        if (freeBits < 64 && subnetId >> freeBits != 0)
            return false;
        Span<byte> address = stackalloc byte[16];
        delegated.BaseAddress.TryWriteBytes(address, out _);
        ulong high = BinaryPrimitives.ReadUInt64BigEndian(address) | subnetId;
        BinaryPrimitives.WriteUInt64BigEndian(address, high);
        address[8..].Clear();
        lan = new IPNetwork(new IPAddress(address), Length);
        return true;
    }

    /// <summary>How many /64s the delegation holds (2^(64 − length)), saturated at <see cref="ulong.MaxValue"/>.</summary>
    public static ulong Count(IPNetwork delegated)
    {
        int freeBits = Length - delegated.PrefixLength;
        return freeBits switch
        {
            < 0 => 0,
            >= 64 => ulong.MaxValue,
            _ => 1UL << freeBits,
        };
    }
}
