namespace DualHome.Linux;

/// <summary>IFLA_OPERSTATE: RFC 2863 ifOperStatus as Linux reports it (Documentation/networking/operstates.rst).</summary>
public enum LinkOperState : byte
{
    Unknown = 0,
    NotPresent = 1,
    Down = 2,
    LowerLayerDown = 3,
    Testing = 4,
    Dormant = 5,
    Up = 6,
}
