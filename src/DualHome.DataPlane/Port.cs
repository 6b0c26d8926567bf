namespace DualHome.DataPlane;

/// <summary>
/// A port the forwarder owns: the LAN, or uplink <c>i</c>. <see cref="Index"/> (0 = LAN, 1 + i = uplink i) indexes
/// per-port arrays such as the drop counters. A 4-byte value: decisions carry it without allocating.
/// </summary>
public readonly record struct Port
{
    private readonly int _index;

    private Port(int index) => _index = index;

    public static Port Lan => default;

    public static Port Uplink(int uplink)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(uplink);
        return new Port(uplink + 1);
    }

    public int Index => _index;
    public bool IsLan => _index == 0;

    /// <summary>The uplink number; -1 for the LAN.</summary>
    public int UplinkIndex => _index - 1;

    public Direction Direction => IsLan ? Direction.FromLan : Direction.FromUplink;

    public override string ToString() => IsLan ? "lan" : $"uplink{UplinkIndex}";
}
