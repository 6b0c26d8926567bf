namespace DualHome.Hardware.Status;

/// <summary>Which uplink each uplink LED shows. An LED whose role names an interface (board.json "Interfaces":
/// WanA, WanB) shows the uplink on that interface; the LEDs left over show the remaining uplinks in configuration
/// order. So a board's "WAN" LED follows the WAN port whatever the uplink is called, and a configuration that renames
/// interfaces still gets its LEDs in order.</summary>
public static class UplinkLedBinding
{
    public static IReadOnlyDictionary<LedRole, string> Bind(
        IReadOnlyDictionary<LedRole, string> roleInterfaces, IReadOnlyList<(string Name, string Interface)> uplinks)
    {
        var bound = new Dictionary<LedRole, string>();
        var free = uplinks.ToList();
        foreach (var role in new[] { LedRole.WanA, LedRole.WanB })
        {
            if (!roleInterfaces.TryGetValue(role, out var ifname)) continue;
            int index = free.FindIndex(u => u.Interface == ifname);
            if (index < 0) continue;
            bound[role] = free[index].Name;
            free.RemoveAt(index);
        }
        foreach (var role in new[] { LedRole.WanA, LedRole.WanB })
        {
            if (bound.ContainsKey(role) || free.Count == 0) continue;
            bound[role] = free[0].Name;
            free.RemoveAt(0);
        }
        return bound;
    }
}
