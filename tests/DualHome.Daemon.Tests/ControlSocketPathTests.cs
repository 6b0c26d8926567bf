using DualHome.Daemon.Commands;

namespace DualHome.Daemon.Tests;

/// <summary>`ctl` and `console` look for the daemon where it listens, also when its file fell back.</summary>
public sealed class ControlSocketPathTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dh-socketpath-").FullName;
    private string File_ => Path.Combine(_dir, "dualhome.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string WithSocket(string socket) => Configs.Site().Replace("\"Uplinks\"", $"\"Control\": {{ \"Socket\": \"{socket}\" }}, \"Uplinks\"");

    [Fact]
    public void ValidFile_GivesItsSocket()
    {
        File.WriteAllText(File_, WithSocket("/run/a.sock"));
        Assert.Equal("/run/a.sock", ControlSocketPath.Of(File_));
    }

    [Fact]
    public void CorruptFile_GivesTheBackupsSocket_AsTheDaemonRunsOnIt()
    {
        File.WriteAllText(File_, "{ broken");
        File.WriteAllText(File_ + ".bak", WithSocket("/run/b.sock"));
        Assert.Equal("/run/b.sock", ControlSocketPath.Of(File_));
    }

    [Fact]
    public void NothingUsable_GivesTheDefaultSocket_WhereAnUnconfiguredDaemonListens() =>
        Assert.Equal(new Config.Options.ControlOptions().Socket, ControlSocketPath.Of(File_));
}
