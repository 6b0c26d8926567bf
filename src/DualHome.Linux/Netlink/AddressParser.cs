using System.Buffers.Binary;
using System.Net;
using static DualHome.Linux.Netlink.RtnetlinkConstants;

namespace DualHome.Linux.Netlink;

/// <summary>Turns an RTM_NEWADDR payload (struct ifaddrmsg + IFA_* attributes) into an <see cref="InterfaceAddress"/>.</summary>
internal static class AddressParser
{
    /// <summary>False for non-IPv6 or address-less messages, which a dump may contain.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out InterfaceAddress? address)
    {
        address = null;
        if (payload.Length < IfAddrMsgSize || payload[0] != AF_INET6)
        {
            return false;
        }

        var index = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
        var fields = ReadAttributes(payload[IfAddrMsgSize..], flags: payload[2]);
        if (fields.Address is not { } bytes)
        {
            return false;
        }

        var ip = new IPAddress(bytes, 0);
        var scoped = ip.IsIPv6LinkLocal ? new IPAddress(bytes, index) : ip;
        address = new InterfaceAddress(
            scoped, payload[1], index, payload[3], fields.Flags, fields.Preferred, fields.Valid);
        return true;
    }

    private static Fields ReadAttributes(ReadOnlySpan<byte> attributes, uint flags)
    {
        var fields = new Fields { Flags = flags, Preferred = uint.MaxValue, Valid = uint.MaxValue };
        var offset = 0;
        while (NetlinkReader.TryReadAttribute(attributes, ref offset, out var type, out var value))
        {
            Apply(ref fields, type, value);
        }

        return fields;
    }

    private static void Apply(ref Fields fields, ushort type, ReadOnlySpan<byte> value)
    {
        switch (type)
        {
            // For IPv6 IFA_ADDRESS is the address itself; IFA_LOCAL appears only with a peer.
            case IFA_ADDRESS when value.Length == 16:
                fields.Address = value.ToArray();
                break;
            case IFA_FLAGS when value.Length >= 4:
                fields.Flags = BinaryPrimitives.ReadUInt32LittleEndian(value);
                break;
            case IFA_CACHEINFO when value.Length >= 8: // struct ifa_cacheinfo { ifa_prefered; ifa_valid; … }
                fields.Preferred = BinaryPrimitives.ReadUInt32LittleEndian(value);
                fields.Valid = BinaryPrimitives.ReadUInt32LittleEndian(value[4..]);
                break;
        }
    }

    private struct Fields
    {
        public byte[]? Address;
        public uint Flags;
        public uint Preferred;
        public uint Valid;
    }
}
