namespace DualHome.Testbed.Board;

/// <summary>What an LED of the kernel LED class shows, read back from its files (board/README.md, "What the LEDs
/// say"): the timer trigger's delays tell the blink patterns apart.</summary>
public enum LedShows
{
    /// <summary>Nothing the README names (also a read caught between two of the daemon's writes).</summary>
    Unknown,
    Off,
    Solid,
    /// <summary>4 Hz: timer 125/125 ms.</summary>
    BlinkFast,
    /// <summary>1 Hz: timer 500/500 ms.</summary>
    BlinkSlow,
    /// <summary>10 Hz strobe: timer 50/50 ms.</summary>
    Flash,
    /// <summary>The kernel's heartbeat trigger.</summary>
    Heartbeat,
}

/// <summary>One LED's files as read: <c>brightness</c>, <c>trigger</c>, <c>delay_on</c>, <c>delay_off</c>.</summary>
public sealed record LedReading(string Brightness, string Trigger, string DelayOn, string DelayOff)
{
    /// <summary>The selected trigger: the bracketed word as the kernel prints it ("none [timer] heartbeat"), or the
    /// whole text where the daemon's write replaced the file (a plain directory is no kernel).</summary>
    public string ActiveTrigger
    {
        get
        {
            var words = Trigger.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var selected = words.FirstOrDefault(w => w.Length > 2 && w[0] == '[' && w[^1] == ']');
            return selected is not null ? selected[1..^1] : words.Length == 1 ? words[0] : "";
        }
    }

    public LedShows Shows => ActiveTrigger switch
    {
        "none" => int.TryParse(Brightness, out var b) ? (b > 0 ? LedShows.Solid : LedShows.Off) : LedShows.Unknown,
        "heartbeat" => LedShows.Heartbeat,
        "timer" => (DelayOn, DelayOff) switch
        {
            ("125", "125") => LedShows.BlinkFast,
            ("500", "500") => LedShows.BlinkSlow,
            ("50", "50") => LedShows.Flash,
            _ => LedShows.Unknown,
        },
        _ => LedShows.Unknown,
    };

    public override string ToString() => ActiveTrigger == "timer"
        ? $"{Shows} (trigger timer, delay_on {DelayOn}, delay_off {DelayOff})"
        : $"{Shows} (trigger '{Trigger}', brightness '{Brightness}')";
}

/// <summary>
/// A temporary stand-in for <c>/sys/class/leds</c> (the daemon's <c>Board.LedClassRoot</c>): one directory per LED
/// with the files a real LED class device has — <c>brightness</c> "0", <c>max_brightness</c> "1", <c>trigger</c>
/// "[none] timer heartbeat", and <c>delay_on</c>/<c>delay_off</c> (which the kernel creates when the timer trigger is
/// selected; the daemon never creates files, so they exist from the start here, "0" so that no blink pattern is
/// read before the daemon chose one).
/// </summary>
public sealed class LedClassDirectory
{
    private LedClassDirectory(string root, IReadOnlyList<string> names) => (Root, Names) = (root, names);

    public string Root { get; }
    public IReadOnlyList<string> Names { get; }

    public static LedClassDirectory Create(string root, params string[] names)
    {
        foreach (var name in names)
        {
            var dir = Path.Combine(root, name);
            Directory.CreateDirectory(dir);
            foreach (var (file, value) in new[]
                     {
                         ("brightness", "0"), ("max_brightness", "1"), ("trigger", "[none] timer heartbeat"),
                         ("delay_on", "0"), ("delay_off", "0"),
                     })
                File.WriteAllText(Path.Combine(dir, file), value + "\n");
        }
        return new LedClassDirectory(root, names);
    }

    public LedReading Read(string name)
    {
        var dir = Path.Combine(Root, name);
        return new LedReading(ReadFile(dir, "brightness"), ReadFile(dir, "trigger"), ReadFile(dir, "delay_on"), ReadFile(dir, "delay_off"));
    }

    public string Describe() => string.Join("; ", Names.Select(n => $"{n}: {Read(n)}"));

    private static string ReadFile(string dir, string file)
    {
        try { return File.ReadAllText(Path.Combine(dir, file)).Trim(); }
        catch (IOException) { return ""; }
    }
}
