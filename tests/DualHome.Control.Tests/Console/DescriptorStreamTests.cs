using System.Text;
using DualHome.Linux.Terminal;

namespace DualHome.Control.Tests.Console;

/// <summary>
/// DescriptorStream uses read(2)/write(2), which move the descriptor's shared offset: with stdout redirected to
/// a file, what the shell writes after the console lands after the console's output, not over it.
/// </summary>
public sealed class DescriptorStreamTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dh-console-{Guid.NewGuid():N}.txt");

    [Fact]
    public void WritesMoveTheSharedOffset()
    {
        using (var handle = File.OpenHandle(_path, FileMode.Create, FileAccess.Write))
        {
            new DescriptorStream(handle, FileAccess.Write).Write("console\n"u8);
            using var shell = new FileStream(handle, FileAccess.Write); // starts at the descriptor's current offset
            shell.Write("after\n"u8);
        }
        Assert.Equal("console\nafter\n", File.ReadAllText(_path));
    }

    [Fact]
    public async Task ReadsUntilEndOfInput()
    {
        File.WriteAllText(_path, "show status\n");
        using var handle = File.OpenHandle(_path, FileMode.Open, FileAccess.Read);
        var stream = new DescriptorStream(handle, FileAccess.Read);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken);
        Assert.Equal("show status\n", Encoding.ASCII.GetString(buffer, 0, read));
        Assert.Equal(0, await stream.ReadAsync(buffer, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void ItCannotSeek()
    {
        using var handle = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.Read);
        var stream = new DescriptorStream(handle, FileAccess.Read);
        Assert.True(stream.CanRead);
        Assert.False(stream.CanWrite);
        Assert.False(stream.CanSeek);
        Assert.Throws<NotSupportedException>(() => stream.Position);
    }

    public void Dispose() => File.Delete(_path);
}
