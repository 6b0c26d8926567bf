namespace DualHome.Wire.Nd;

/// <summary>Default Router Preference and Route Preference, RFC 4191 §2.1 (two-bit field).</summary>
public enum RouterPreference : byte
{
    Medium = 0b00,
    High = 0b01,
    /// <summary>RFC 4191 §2.1: reserved; a receiver treats it as Medium (RA) or ignores the option (RIO).</summary>
    Reserved = 0b10,
    Low = 0b11,
}
