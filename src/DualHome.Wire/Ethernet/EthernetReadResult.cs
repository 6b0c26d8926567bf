namespace DualHome.Wire.Ethernet;

/// <summary>Why <see cref="EthernetFrame.TryRead"/> refused a frame. Values are stable: counters key on them.</summary>
public enum EthernetReadResult : byte
{
    Ok = 0,
    /// <summary>Shorter than the 14-byte header (destination, source, EtherType).</summary>
    TooShort = 1,
    /// <summary>Carries an IEEE 802.1Q/802.1ad tag. The daemon owns untagged ports only; tagged frames belong to
    /// VLAN sub-interfaces the kernel serves, so they are reported, not parsed past the tag.</summary>
    VlanTagged = 2,
}
