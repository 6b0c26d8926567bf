using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace DualHome.Hardware.Boards;

/// <summary>Opens a GPIO chip through libgpiod: libgpiod 2.x (libgpiod.so.3, Buildroot's libgpiod2) first, then
/// 1.x (libgpiod.so.2). A chip is named by number ("0"), by device name ("gpiochip4") or by label ("pinctrl-rp1",
/// "gpio4"): labels survive the kernel renumbering chips (the Raspberry Pi 5's RP1 moved from gpiochip4 to 0).</summary>
public static class GpioChips
{
    /// <summary>Opens <paramref name="chip"/>. Throws when libgpiod or the chip is missing; the caller
    /// (<see cref="BoardHardware"/>) turns that into a warning.</summary>
    public static GpioController Open(string chip)
    {
        try
        {
            return new GpioController(new LibGpiodV2Driver(Resolve(chip, LibGpiodV2Driver.GetAvailableChips())));
        }
        catch (Exception e) when (IsMissingLibrary(e))
        {
            try
            {
                return new GpioController(new LibGpiodDriver(Resolve(chip, LibGpiodDriver.GetAvailableChips())));
            }
            catch (Exception e1) when (IsMissingLibrary(e1))
            {
                throw new IOException("libgpiod is not installed (neither libgpiod.so.3 nor libgpiod.so.2)", e1);
            }
        }
    }

    private static bool IsMissingLibrary(Exception e) =>
        e is DllNotFoundException or EntryPointNotFoundException || e.InnerException is DllNotFoundException;

    /// <summary>The chip number for a number, a gpiochipN name, or a label among <paramref name="chips"/>.</summary>
    public static int Resolve(string chip, IEnumerable<GpioChipInfo> chips)
    {
        if (int.TryParse(chip, out int number) && number >= 0) return number;
        foreach (var info in chips)
            if (info.Name == chip || info.Label == chip) return info.Id;
        if (chip.StartsWith("gpiochip", StringComparison.Ordinal) && int.TryParse(chip.AsSpan(8), out number)) return number;
        throw new IOException($"no GPIO chip named or labelled '{chip}'");
    }
}
