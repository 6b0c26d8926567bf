namespace DualHome.DataPlane;

/// <summary>Which way a frame travels: received on the LAN (towards an uplink) or on an uplink (towards the LAN).</summary>
public enum Direction : byte
{
    FromLan = 0,
    FromUplink = 1,
}
