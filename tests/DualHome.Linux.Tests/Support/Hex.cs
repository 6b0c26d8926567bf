namespace DualHome.Linux.Tests.Support;

/// <summary>Hex strings in tests may contain spaces and line breaks, so fields can be laid out one per line.</summary>
internal static class Hex
{
    public static byte[] Parse(string hex) =>
        Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>Compares as lowercase hex so a failure shows the first differing byte in context.</summary>
    public static void Equal(string expected, ReadOnlySpan<byte> actual) =>
        Assert.Equal(Format(Parse(expected)), Format(actual));

    public static byte[] Load(string testDataFile) =>
        Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", testDataFile)));
}
