using System.Text.Json;
using System.Text.RegularExpressions;

namespace DualHome.Hardware.Boards;

/// <summary>Finds and reads a board profile, as the configuration names it (<c>"Board": { "Profile": "&lt;name or
/// path&gt;" }</c>): "none"; a path to a board.json (or to its directory); or a name, looked up as
/// <c>&lt;dir&gt;/&lt;name&gt;/board.json</c> in each directory of the search path.</summary>
public static partial class BoardProfileLoader
{
    /// <summary>Local overrides first, then the image's copy, then the copy beside the binary.</summary>
    public static IReadOnlyList<string> DefaultSearchPath { get; } =
        ["/etc/dualhome/board", "/usr/share/dualhome/board", Path.Combine(AppContext.BaseDirectory, "board")];

    public static BoardProfile Load(string nameOrPath, IReadOnlyList<string>? searchPath = null)
    {
        if (string.Equals(nameOrPath, "none", StringComparison.OrdinalIgnoreCase) || nameOrPath.Length == 0)
            return BoardProfile.None;
        if (nameOrPath.Contains('/') || nameOrPath.EndsWith(".json", StringComparison.Ordinal))
            return LoadFile(Directory.Exists(nameOrPath) ? Path.Combine(nameOrPath, "board.json") : nameOrPath);
        if (!ProfileName().IsMatch(nameOrPath))
            throw new BoardProfileException($"board profile '{nameOrPath}': not a profile name (letters, digits, '.', '_', '-') or a path");
        var candidates = (searchPath ?? DefaultSearchPath).Select(dir => Path.Combine(dir, nameOrPath, "board.json")).ToList();
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new BoardProfileException($"board profile '{nameOrPath}' not found (looked for {string.Join(", ", candidates)})");
        return LoadFile(found);
    }

    public static BoardProfile LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BoardProfileException($"board profile {path}: cannot be read ({e.Message})");
        }
        return Parse(json, path);
    }

    /// <summary>Parses and validates; <paramref name="source"/> names the file in every message.</summary>
    public static BoardProfile Parse(string json, string source)
    {
        BoardProfileDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(json, BoardProfileJsonContext.Default.BoardProfileDocument);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } p ? $"{p.TrimStart('$', '.')} (line {e.LineNumber + 1})" : $"line {e.LineNumber + 1}";
            throw new BoardProfileException($"board profile {source}: {where}: {FirstSentence(e.Message)}");
        }
        if (doc is null) throw new BoardProfileException($"board profile {source}: empty (expected a JSON object)");
        return new BoardProfileValidator(source).Validate(doc);
    }

    /// <summary>System.Text.Json appends " Path: … | LineNumber: …" to its messages (the path is given already) and
    /// names .NET types; a type mismatch is said in JSON terms.</summary>
    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var first = cut > 0 ? message[..cut] : message;
        if (!first.Contains("could not be converted to", StringComparison.Ordinal)) return first;
        return first.Contains("Int32", StringComparison.Ordinal) ? "expected a number"
            : first.Contains("Boolean", StringComparison.Ordinal) ? "expected true or false"
            : first.Contains("List", StringComparison.Ordinal) ? "expected a list"
            : first.Contains("String", StringComparison.Ordinal) ? "expected a string"
            : "expected an object";
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ProfileName();
}
