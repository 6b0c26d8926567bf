namespace DualHome.Wire.Ipv6;

/// <summary>The outcome of walking a packet's extension header chain (<see cref="ExtensionHeaders.FindUpperLayer"/>).</summary>
public enum UpperLayerResult : byte
{
    /// <summary>The upper-layer header was found (its first bytes may still lie past the end of the packet).</summary>
    Found = 0,
    /// <summary>An extension header runs past the end of the packet (RFC 8200 §4).</summary>
    Truncated = 1,
    /// <summary>A Fragment header with a nonzero offset: the upper-layer header is in the first fragment
    /// (RFC 8200 §4.5).</summary>
    NotFirstFragment = 2,
}
