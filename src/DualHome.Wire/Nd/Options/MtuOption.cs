using System.Buffers.Binary;

namespace DualHome.Wire.Nd.Options;

/// <summary>MTU option (type 5), RFC 4861 §4.6.4.</summary>
internal static class MtuOption
{
    /// <summary>§4.6.4: Length 1 = 8 octets.</summary>
    public const int Length = 8;

    public static int Measure(uint? mtu)
    {
        Validate(mtu);
        return mtu is null ? 0 : Length;
    }

    public static int Write(uint mtu, Span<byte> destination)
    {
        Validate(mtu);
        Span<byte> option = destination[..Length];
        option[0] = (byte)NdOptionType.Mtu;
        option[1] = Length / NdConstants.OptionUnit;
        option[2] = option[3] = 0; // §4.6.4: Reserved MUST be zero
        BinaryPrimitives.WriteUInt32BigEndian(option[4..], mtu);
        return Length;
    }

    private static void Validate(uint? mtu)
    {
        // RFC 8200 §5: no link has an MTU below 1280, so advertising one is a configuration error.
        if (mtu < NdConstants.MinLinkMtu)
            throw new ArgumentException($"MTU {mtu} is below the IPv6 minimum link MTU {NdConstants.MinLinkMtu} (RFC 8200 §5).", nameof(mtu));
    }

    public static NdOptionFault Read(ReadOnlySpan<byte> option, NdOptionSet into)
    {
        if (option.Length != Length)
            return NdOptionFault.BadLength; // §4.6.4: Length 1
        if (into.Mtu is not null)
            return NdOptionFault.Duplicate;
        into.Mtu = BinaryPrimitives.ReadUInt32BigEndian(option[4..]);
        return NdOptionFault.None;
    }
}
