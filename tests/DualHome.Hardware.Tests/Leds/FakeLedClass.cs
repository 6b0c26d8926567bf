namespace DualHome.Hardware.Tests.Leds;

/// <summary>A temporary LED class root laid out as /sys/class/leds: one directory per LED with brightness,
/// max_brightness and trigger (listing the available triggers, the current one in brackets), and the timer
/// trigger's delay_on/delay_off.</summary>
internal sealed class FakeLedClass : IDisposable
{
    public FakeLedClass() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"dualhome-leds-{Guid.NewGuid():N}");

    public string Add(string name, string triggers = "[none] timer heartbeat default-on", string maxBrightness = "255")
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "brightness"), "0\n");
        File.WriteAllText(Path.Combine(dir, "max_brightness"), maxBrightness + "\n");
        File.WriteAllText(Path.Combine(dir, "trigger"), triggers + "\n");
        File.WriteAllText(Path.Combine(dir, "delay_on"), "500\n");
        File.WriteAllText(Path.Combine(dir, "delay_off"), "500\n");
        return dir;
    }

    public string Read(string name, string attribute) => File.ReadAllText(Path.Combine(Root, name, attribute));

    /// <summary>brightness, trigger, delay_on, delay_off as written last.</summary>
    public (string Brightness, string Trigger, string DelayOn, string DelayOff) State(string name) =>
        (Read(name, "brightness"), Read(name, "trigger"), Read(name, "delay_on"), Read(name, "delay_off"));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
