using System.Net;
using DualHome.Wire.Ipv6;

namespace DualHome.Wire.Nd.Messages;

/// <summary>The Target Address field of NS and NA (RFC 4861 §4.3, §4.4): bytes 8..23.</summary>
internal static class NdTarget
{
    public const int Offset = 8;

    /// <summary>§4.3, §4.4: the Target Address "MUST NOT be a multicast address".</summary>
    public static void Require(IPAddress target, string parameterName)
    {
        Ipv6Bytes.RequireIpv6(target, parameterName);
        if (target.IsIPv6Multicast)
            throw new ArgumentException($"Target {target} MUST NOT be multicast (RFC 4861 §4.3, §4.4).", parameterName);
    }

    /// <summary>The target of a message at least 24 bytes long (checked by the validator).</summary>
    public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> icmp) => icmp.Slice(Offset, Ipv6Bytes.AddressLength);

    public static IPAddress Read(ReadOnlySpan<byte> icmp) => new(Slice(icmp));
}
