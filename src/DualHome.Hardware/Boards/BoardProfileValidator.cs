using DualHome.Hardware.Status;

namespace DualHome.Hardware.Boards;

/// <summary>Turns a parsed board.json into a <see cref="BoardProfile"/>, collecting every problem with the path of
/// its field, so one run of <c>dualhomed check</c> shows them all.</summary>
internal sealed class BoardProfileValidator(string source)
{
    /// <summary>input-event-codes.h KEY_MAX.</summary>
    private const int KeyMax = 0x2ff;

    private readonly List<string> _errors = [];

    public BoardProfile Validate(BoardProfileDocument doc)
    {
        if (string.IsNullOrWhiteSpace(doc.Name)) Error("Name", "required");
        var leds = Leds(doc.Leds ?? []);
        var button = doc.Button is null ? null : Button(doc.Button);
        if (doc.LedClassRoot is { Length: 0 }) Error("LedClassRoot", "must not be empty (leave it out for /sys/class/leds)");
        if (_errors.Count > 0)
            throw new BoardProfileException($"board profile {source}: " + string.Join("; ", _errors));
        var ifs = doc.Interfaces;
        return new BoardProfile(doc.Name!, doc.Description ?? "", new BoardInterfaces(ifs?.Lan, ifs?.WanA, ifs?.WanB),
            doc.LedClassRoot, leds, button, doc.Notes ?? [], source);
    }

    private List<LedMapping> Leds(List<LedDocument?> docs)
    {
        var leds = new List<LedMapping>();
        for (int i = 0; i < docs.Count; i++)
        {
            var path = $"Leds[{i}]";
            if (docs[i] is not { } led)
            {
                Error(path, "must be an object");
                continue;
            }
            if (!LedRoles.TryParse(led.Role ?? "", out var role))
                Error($"{path}.Role", $"'{led.Role}' is not one of system, wan-a, wan-b");
            else if (leds.Any(l => l.Role == role))
                Error($"{path}.Role", $"'{led.Role}' is mapped twice");
            if (Led(path, role, led) is { } mapping) leds.Add(mapping);
        }
        return leds;
    }

    private LedMapping? Led(string path, LedRole role, LedDocument led)
    {
        switch (led.Type)
        {
            case "ledclass":
                if (string.IsNullOrWhiteSpace(led.Name) || led.Name.Contains('/') || led.Name is "." or "..")
                    Error($"{path}.Name", $"'{led.Name}' is not an LED class name (as listed in /sys/class/leds)");
                Forbid(path, "ledclass", ("Chip", led.Chip), ("Line", led.Line), ("ActiveLow", led.ActiveLow));
                return new LedMapping(role, LedBackend.LedClass, led.Name, null);
            case "gpio":
                Forbid(path, "gpio", ("Name", led.Name));
                return Line(path, led.Chip, led.Line, led.ActiveLow) is { } line ? new LedMapping(role, LedBackend.Gpio, null, line) : null;
            default:
                Error($"{path}.Type", $"'{led.Type}' is not one of gpio, ledclass");
                return null;
        }
    }

    private ButtonMapping? Button(ButtonDocument b)
    {
        switch (b.Type)
        {
            case "gpio":
                Forbid("Button", "gpio", ("Device", b.Device), ("InputName", b.InputName), ("Code", b.Code));
                return Line("Button", b.Chip, b.Line, b.ActiveLow) is { } line ? new ButtonMapping(ButtonBackend.Gpio, line, null, null, 0) : null;
            case "input":
                Forbid("Button", "input", ("Chip", b.Chip), ("Line", b.Line), ("ActiveLow", b.ActiveLow));
                if ((b.Device is null) == (b.InputName is null)) Error("Button", "Type input needs exactly one of Device (a path) and InputName");
                if (b.Device is not null && !b.Device.StartsWith('/')) Error("Button.Device", $"'{b.Device}' is not an absolute path");
                if (b.Code is not (> 0 and <= KeyMax)) Error("Button.Code", $"'{b.Code}' is not a key code (1..{KeyMax}, input-event-codes.h)");
                return new ButtonMapping(ButtonBackend.Input, null, b.Device, b.InputName, (ushort)(b.Code ?? 0));
            default:
                Error("Button.Type", $"'{b.Type}' is not one of gpio, input");
                return null;
        }
    }

    private GpioLine? Line(string path, string? chip, int? line, bool? activeLow)
    {
        if (string.IsNullOrWhiteSpace(chip)) Error($"{path}.Chip", "required for Type gpio (a number, gpiochipN, or the chip label)");
        if (line is not >= 0) Error($"{path}.Line", line is null ? "required for Type gpio" : $"'{line}' is not a line offset (0 or more)");
        return string.IsNullOrWhiteSpace(chip) || line is not >= 0 ? null : new GpioLine(chip, line.Value, activeLow ?? false);
    }

    private void Forbid(string path, string type, params (string Field, object? Value)[] fields)
    {
        foreach (var (field, value) in fields)
            if (value is not null) Error($"{path}.{field}", $"not used with Type {type}");
    }

    private void Error(string field, string message) => _errors.Add($"{field}: {message}");
}
