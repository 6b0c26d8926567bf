using System.Globalization;

namespace DualHome.Wire.Tests.Support;

/// <summary>
/// Annotated hex, as in radvd's test/send.c and systemd's test-ndisc-ra.c: hex digits with any whitespace,
/// and a comment to the end of the line after '#' or '//'. Anything else is a typo and throws.
/// </summary>
public static class Hex
{
    public static byte[] Parse(string annotated)
    {
        var digits = new List<char>();
        foreach (string line in annotated.Split('\n'))
            digits.AddRange(StripComment(line).Where(c => !char.IsWhiteSpace(c)));
        if (digits.Count % 2 != 0)
            throw new FormatException($"Odd number of hex digits ({digits.Count}).");
        return Convert.FromHexString(new string(digits.ToArray()));
    }

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#', StringComparison.Ordinal);
        int slashes = line.IndexOf("//", StringComparison.Ordinal);
        int cut = (hash, slashes) switch
        {
            (< 0, < 0) => line.Length,
            (< 0, _) => slashes,
            (_, < 0) => hash,
            _ => Math.Min(hash, slashes),
        };
        return line[..cut];
    }
}
