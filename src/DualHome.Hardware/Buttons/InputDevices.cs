namespace DualHome.Hardware.Buttons;

/// <summary>Finds an input device by the name its driver gives it (<c>/sys/class/input/eventN/device/name</c>; for
/// gpio-keys the keys node's label or name, e.g. "gpio-keys", "keys", "pwr_button"), so a board profile does not
/// depend on the order in which the kernel numbered the event devices.</summary>
public static class InputDevices
{
    public const string DefaultClassRoot = "/sys/class/input";

    /// <summary>The <c>/dev/input/eventN</c> whose device is called <paramref name="name"/>, or null.</summary>
    public static string? FindByName(string name, string classRoot = DefaultClassRoot, string devRoot = "/dev/input")
    {
        try
        {
            if (!Directory.Exists(classRoot)) return null;
            foreach (var dir in Directory.EnumerateDirectories(classRoot, "event*").Order(StringComparer.Ordinal))
                if (ReadName(dir) == name) return Path.Combine(devRoot, Path.GetFileName(dir));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // an unreadable class directory: no device found (the caller warns)
        }
        return null;
    }

    /// <summary>The device's name, or null for an entry that vanished or cannot be read.</summary>
    private static string? ReadName(string eventDir)
    {
        try
        {
            var file = Path.Combine(eventDir, "device", "name");
            return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
