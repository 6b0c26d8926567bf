using System.Text.Json;

namespace DualHome.Testbed.Console;

/// <summary>One typed line and what the console printed in reply (echo included, up to its next prompt).</summary>
public sealed record ConsoleExchange(string? Line, string Output, bool Prompted)
{
    /// <summary>The reply without the echoed line, the prompt and carriage returns.</summary>
    public string Reply
    {
        get
        {
            var text = Output.Replace("\r", "");
            if (Line is not null && text.StartsWith(Line, StringComparison.Ordinal)) text = text[Line.Length..];
            var prompt = text.LastIndexOf("dualhome> ", StringComparison.Ordinal);
            return (prompt >= 0 ? text[..prompt] : text).Trim('\n', ' ');
        }
    }

    public override string ToString() => Line is null ? $"(greeting)\n{Reply}" : $"dualhome> {Line}\n{Reply}";
}

/// <summary>A console session driven through a pseudo-terminal (Scripts/console.py).</summary>
public sealed record ConsoleTranscript(IReadOnlyList<ConsoleExchange> Exchanges, int ExitCode)
{
    public ConsoleExchange this[string line] => Exchanges.Last(e => e.Line == line);

    public static ConsoleTranscript Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var exchanges = doc.RootElement.GetProperty("transcript").EnumerateArray()
            .Select(e => new ConsoleExchange(
                e.GetProperty("line").ValueKind == JsonValueKind.Null ? null : e.GetProperty("line").GetString(),
                e.GetProperty("output").GetString() ?? "", e.GetProperty("prompted").GetBoolean()))
            .ToList();
        return new ConsoleTranscript(exchanges, doc.RootElement.GetProperty("exit").GetInt32());
    }

    public override string ToString() => string.Join("\n", Exchanges) + $"\n(exit {ExitCode})";
}
