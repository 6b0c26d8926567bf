using System.Text;

namespace DualHome.Control.Tests;

public class LineReaderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LinesSplitAcrossReadsAreReassembled()
    {
        var reader = new LineReader(new TrickleStream("one\ntwo\r\nthree"u8.ToArray()), 64);
        Assert.Equal(["one", "two", "three"], await ReadAll(reader));
    }

    [Fact]
    public async Task LineOfExactlyTheLimitIsALine()
    {
        var reader = new LineReader(new MemoryStream(Encoding.ASCII.GetBytes(new string('a', 10000) + "\nnext\n")), 10000);
        Assert.Equal([new string('a', 10000), "next"], await ReadAll(reader));
    }

    [Fact]
    public async Task LineOneOverTheLimitIsTooLong()
    {
        var reader = new LineReader(new MemoryStream(Encoding.ASCII.GetBytes(new string('a', 10001) + "\n")), 10000);
        Assert.Equal(LineReadKind.TooLong, (await reader.ReadLineAsync(Cancel)).Kind);
    }

    [Fact]
    public async Task UnterminatedLineOverTheLimitIsTooLong()
    {
        var reader = new LineReader(new TrickleStream(Encoding.ASCII.GetBytes(new string('a', 100))), 50);
        Assert.Equal(LineReadKind.TooLong, (await reader.ReadLineAsync(Cancel)).Kind);
    }

    [Fact]
    public async Task EmptyStreamEndsAtOnce()
    {
        var reader = new LineReader(new MemoryStream(), 10);
        Assert.Equal(LineReadKind.EndOfStream, (await reader.ReadLineAsync(Cancel)).Kind);
    }

    [Fact]
    public async Task ManyShortLinesLargerThanTheBufferTogether()
    {
        var lines = Enumerable.Range(0, 3000).Select(i => $"line {i}").ToArray();
        var reader = new LineReader(new MemoryStream(Encoding.ASCII.GetBytes(string.Join("\n", lines) + "\n")), 20);
        Assert.Equal(lines, await ReadAll(reader));
    }

    private static async Task<List<string>> ReadAll(LineReader reader)
    {
        var lines = new List<string>();
        while (true)
        {
            var read = await reader.ReadLineAsync(Cancel);
            if (read.Kind == LineReadKind.EndOfStream)
            {
                return lines;
            }
            Assert.Equal(LineReadKind.Line, read.Kind);
            lines.Add(Encoding.UTF8.GetString(read.Line.Span));
        }
    }

    /// <summary>Hands out one byte per read, the worst case of a stream socket.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
