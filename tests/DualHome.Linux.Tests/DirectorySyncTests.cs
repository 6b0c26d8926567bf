namespace DualHome.Linux.Tests;

public sealed class DirectorySyncTests
{
    [Fact]
    public void Flush_ExistingDirectory_Succeeds()
    {
        var dir = Directory.CreateTempSubdirectory("dh-dirsync-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "f"), "x");

            DirectorySync.Flush(dir.FullName);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Flush_MissingDirectory_ThrowsEnoentNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dh-dirsync-missing-{Guid.NewGuid():N}");

        var error = Assert.Throws<NativeErrorException>(() => DirectorySync.Flush(path));

        Assert.Equal(Errno.ENOENT, error.Errno);
        Assert.Contains(path, error.Message);
    }
}
