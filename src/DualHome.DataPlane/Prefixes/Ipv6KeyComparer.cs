namespace DualHome.DataPlane.Prefixes;

/// <summary>
/// A cheap hash for <see cref="Ipv6Key"/> values in tables whose keys come from configuration (prefixes, the
/// router's own addresses): an xor-fold instead of <see cref="UInt128"/>'s seeded HashCode.Combine, about half the
/// cost of a lookup. Packets only probe these tables, never insert, so crafted addresses cannot crowd a bucket.
/// Tables keyed by addresses from packets (the pending queue) keep the default, randomised hash.
/// </summary>
public sealed class Ipv6KeyComparer : IEqualityComparer<UInt128>
{
    public static readonly Ipv6KeyComparer Instance = new();

    private Ipv6KeyComparer() { }

    public bool Equals(UInt128 x, UInt128 y) => x == y;

    public int GetHashCode(UInt128 key)
    {
        ulong folded = (ulong)(key >> 64) ^ (ulong)key;
        return (int)(folded ^ (folded >> 32));
    }
}
