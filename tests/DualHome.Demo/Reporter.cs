using System.Diagnostics;

namespace DualHome.Demo;

/// <summary>How a step ended.</summary>
public enum StepOutcome { Passed, Failed, Skipped }

/// <summary>
/// Writes the demo's progress. Every line carries the wall clock and the time since the start. On a
/// terminal it uses colours and ✔/✘ marks; when stdout is redirected (CI, a pipe, a file) it writes plain
/// ASCII lines only. While the live panel runs on a terminal, lines are diverted to it (<see cref="Divert"/>).
/// </summary>
public sealed class Reporter(TextWriter output, bool terminal)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private Action<string>? _divert;

    public static Reporter ForConsole() =>
        new(Console.Out, !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);

    public bool Terminal => terminal;

    public TextWriter Output => output;

    /// <summary>Sends every finished line to <paramref name="sink"/> instead of the output (the live panel prints
    /// them above itself); null writes directly again.</summary>
    public void Divert(Action<string>? sink)
    {
        lock (_lock) _divert = sink;
    }

    public void Title(string text) => Write(Colour(text, "1"));

    public void StepStarted(int number, string title) =>
        Write(terminal ? Colour($"▶ [{number}] {title} …", "36") : $"[....] [{number}] {title}");

    public void StepEnded(int number, string title, StepOutcome outcome, TimeSpan took, string? why = null)
    {
        var (mark, plain, code) = outcome switch
        {
            StepOutcome.Passed => ("✔", "PASS", "32"),
            StepOutcome.Failed => ("✘", "FAIL", "31"),
            _ => ("–", "SKIP", "33"),
        };
        var head = terminal ? Colour($"{mark} [{number}] {title}", code) : $"[{plain}] [{number}] {title}";
        Write($"{head} ({took.TotalSeconds:0.000} s){(why is null ? "" : $": {why}")}");
    }

    /// <summary>A detail under the current step.</summary>
    public void Detail(string text) => Write($"      {text}");

    public void Summary(int passed, int failed, int skipped)
    {
        var text = $"{passed} passed, {failed} failed, {skipped} skipped";
        Write(terminal ? Colour(text, failed == 0 && skipped == 0 ? "1;32" : "1;31") : text);
    }

    public void Plain(string text) => Write(text);

    private void Write(string text)
    {
        var stamp = $"{DateTime.Now:HH:mm:ss.fff} +{_clock.Elapsed.TotalSeconds,7:0.000}s";
        lock (_lock)
        {
            if (_divert is { } sink) sink($"{stamp}  {text}");
            else output.WriteLine($"{stamp}  {text}");
        }
    }

    private string Colour(string text, string code) => terminal ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
