using System.Net.NetworkInformation;

namespace DualHome.Wire.Nd.Options;

/// <summary>Source/Target Link-Layer Address options (types 1 and 2), RFC 4861 §4.6.1, for Ethernet (RFC 2464 §6).</summary>
internal static class LinkLayerAddressOption
{
    /// <summary>RFC 2464 §6: on Ethernet the option is Length 1: Type, Length, 6-octet MAC.</summary>
    public const int Length = 8;

    public static int Measure(PhysicalAddress? address) => address is null ? 0 : Length;

    public static int Write(NdOptionType type, PhysicalAddress address, Span<byte> destination)
    {
        RequireEthernet(address);
        Span<byte> option = destination[..Length];
        option[0] = (byte)type;
        option[1] = Length / NdConstants.OptionUnit;
        address.GetAddressBytes().CopyTo(option[2..]);
        return Length;
    }

    public static void RequireEthernet(PhysicalAddress? address)
    {
        if (address is not null && !LinkLayer.IsEthernet(address))
            throw new ArgumentException($"Only 6-byte Ethernet link-layer addresses are supported (RFC 2464 §6), got '{address}'.", nameof(address));
    }

    public static NdOptionFault ReadSource(ReadOnlySpan<byte> option, NdOptionSet into)
    {
        if (into.SourceLinkLayerAddress is not null)
            return NdOptionFault.Duplicate;
        NdOptionFault fault = TryRead(option, out PhysicalAddress? address);
        into.SourceLinkLayerAddress = address;
        return fault;
    }

    public static NdOptionFault ReadTarget(ReadOnlySpan<byte> option, NdOptionSet into)
    {
        if (into.TargetLinkLayerAddress is not null)
            return NdOptionFault.Duplicate;
        NdOptionFault fault = TryRead(option, out PhysicalAddress? address);
        into.TargetLinkLayerAddress = address;
        return fault;
    }

    private static NdOptionFault TryRead(ReadOnlySpan<byte> option, out PhysicalAddress? address)
    {
        address = null;
        if (option.Length != Length)
            return NdOptionFault.BadLength; // RFC 2464 §6: Length 1 on Ethernet
        address = new PhysicalAddress(option.Slice(2, LinkLayer.EthernetLength).ToArray());
        return NdOptionFault.None;
    }
}
