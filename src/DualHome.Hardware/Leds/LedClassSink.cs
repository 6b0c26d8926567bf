using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DualHome.Hardware.Leds;

/// <summary>An LED of the kernel LED class (<c>&lt;root&gt;/&lt;name&gt;/</c>, root normally /sys/class/leds;
/// Documentation/leds/leds-class.rst). Solid patterns write <c>brightness</c> with the trigger "none"; blinking
/// uses the <c>timer</c> trigger with <c>delay_on</c>/<c>delay_off</c> in ms (ledtrig-timer), so the kernel blinks
/// and the daemon never wakes up for it; the heartbeat uses the <c>heartbeat</c> trigger. A trigger the kernel
/// lacks falls back to <see cref="LedBlinker"/> writing <c>brightness</c>. The trigger found at start is restored
/// on <see cref="Dispose"/>.</summary>
public sealed class LedClassSink : ILedSink, IBlinkOutput
{
    /// <summary>The timer-trigger stand-in for a heartbeat where ledtrig-heartbeat is missing: a short blip a second.</summary>
    private static readonly (TimeSpan On, TimeSpan Off) HeartbeatBlip = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(900));

    private readonly string _dir;
    private readonly string _maxBrightness;
    private readonly IReadOnlySet<string> _triggers;
    private readonly string? _initialTrigger;
    private readonly LedBlinker _blinker;
    private readonly ILogger _log;
    private LedPattern? _pattern;
    private bool _failing;

    private LedClassSink(string name, string dir, string maxBrightness, IReadOnlySet<string> triggers,
        string? initialTrigger, LedBlinker blinker, ILogger log)
    {
        (Name, _dir, _maxBrightness, _triggers, _initialTrigger, _blinker, _log) =
            (name, dir, maxBrightness, triggers, initialTrigger, blinker, log);
    }

    public string Name { get; }

    /// <summary>The triggers the kernel offers for this LED (read from <c>trigger</c> at start).</summary>
    public IReadOnlySet<string> Triggers => _triggers;

    /// <summary>Opens <c>&lt;root&gt;/&lt;name&gt;</c>; a missing entry is a warning and a <see cref="NullLedSink"/>.</summary>
    public static ILedSink Open(string root, string name, LedBlinker blinker, ILogger log)
    {
        var dir = Path.Combine(root, name);
        if (!Directory.Exists(dir) || !File.Exists(Path.Combine(dir, "brightness")))
        {
            HardwareLog.LedClassMissing(log, name, dir);
            return new NullLedSink(name);
        }
        var (triggers, current) = ReadTriggers(dir);
        var max = ReadAttribute(dir, "max_brightness") ?? "1";
        return new LedClassSink(name, dir, max, triggers, current, blinker, log);
    }

    public void Set(LedPattern pattern)
    {
        if (_pattern == pattern) return;
        _pattern = pattern;
        _blinker.Remove(this);
        if (LedPatterns.IsSolid(pattern)) SetSolid(pattern == LedPattern.On);
        else if (pattern == LedPattern.Heartbeat && _triggers.Contains("heartbeat")) Write("trigger", "heartbeat");
        else if (_triggers.Contains("timer")) SetTimer(LedPatterns.BlinkTimes(pattern) ?? HeartbeatBlip);
        else
        {
            Write("trigger", "none");
            _blinker.Set(this, pattern);
        }
    }

    /// <summary>Software blinking (no timer trigger in this kernel).</summary>
    void IBlinkOutput.Write(bool on) => Write("brightness", on ? _maxBrightness : "0");

    public void Dispose()
    {
        _blinker.Remove(this);
        if (_initialTrigger is null or "none") SetSolid(false);
        else Write("trigger", _initialTrigger);
    }

    private void SetSolid(bool on)
    {
        Write("trigger", "none");
        Write("brightness", on ? _maxBrightness : "0");
    }

    /// <summary>The trigger first (selecting "timer" creates delay_on/delay_off), then the delays.</summary>
    private void SetTimer((TimeSpan On, TimeSpan Off) times)
    {
        Write("trigger", "timer");
        Write("delay_on", Milliseconds(times.On));
        Write("delay_off", Milliseconds(times.Off));
    }

    /// <summary>One write(2) of the whole value, as sysfs expects; O_TRUNC, never O_CREAT (no stray files).</summary>
    private void Write(string attribute, string value)
    {
        try
        {
            using var handle = File.OpenHandle(Path.Combine(_dir, attribute), FileMode.Truncate, FileAccess.Write);
            RandomAccess.Write(handle, Encoding.ASCII.GetBytes(value), 0);
            _failing = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!_failing) HardwareLog.LedWriteFailed(_log, e, Name, $"{attribute} = {value}: {e.Message}");
            _failing = true;
        }
    }

    /// <summary>Parses <c>trigger</c>: every available trigger, the current one in brackets ("none [timer] heartbeat").</summary>
    internal static (IReadOnlySet<string> Available, string? Current) ParseTriggers(string text)
    {
        var available = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            bool selected = word.Length > 2 && word[0] == '[' && word[^1] == ']';
            var trigger = selected ? word[1..^1] : word;
            available.Add(trigger);
            if (selected) current = trigger;
        }
        return (available, current);
    }

    private static (IReadOnlySet<string>, string?) ReadTriggers(string dir) =>
        ReadAttribute(dir, "trigger") is { } text ? ParseTriggers(text) : (new HashSet<string>(), null);

    private static string? ReadAttribute(string dir, string attribute)
    {
        try
        {
            return File.ReadAllText(Path.Combine(dir, attribute)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Milliseconds(TimeSpan span) =>
        ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
