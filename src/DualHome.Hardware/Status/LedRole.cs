namespace DualHome.Hardware.Status;

/// <summary>What an LED of the board is used for (board.json "Role": system, wan-a, wan-b).</summary>
public enum LedRole
{
    System,
    WanA,
    WanB,
}

public static class LedRoles
{
    public static string Name(this LedRole role) => role switch
    {
        LedRole.WanA => "wan-a",
        LedRole.WanB => "wan-b",
        _ => "system",
    };

    public static bool TryParse(string text, out LedRole role)
    {
        foreach (var candidate in Enum.GetValues<LedRole>())
        {
            if (!string.Equals(candidate.Name(), text, StringComparison.OrdinalIgnoreCase)) continue;
            role = candidate;
            return true;
        }
        role = LedRole.System;
        return false;
    }
}
