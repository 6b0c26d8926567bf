using DualHome.Daemon.Control;

namespace DualHome.Daemon.Tests;

public sealed class LogTailTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dh-logtail-{Guid.NewGuid():N}.log");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void ReturnsTheLastLines()
    {
        File.WriteAllLines(_path, Enumerable.Range(1, 100).Select(i => $"line {i}"));
        Assert.Equal("line 98\nline 99\nline 100", LogTail.Read(_path, 3));
    }

    [Fact]
    public void LargeFile_SkipsThePartialFirstLineOfTheWindow()
    {
        File.WriteAllLines(_path, Enumerable.Range(1, 40_000).Select(i => $"line {i:D6} {new string('x', 20)}"));
        var tail = LogTail.Read(_path, 100_000)!.Split('\n');
        Assert.All(tail, l => Assert.Matches(@"^line \d{6} x{20}$", l));
        Assert.EndsWith("040000 " + new string('x', 20), tail[^1]);
    }

    [Fact]
    public void MissingFile_IsNull() => Assert.Null(LogTail.Read(_path + ".none", 5));
}
