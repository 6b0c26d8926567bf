using DualHome.Config;

namespace DualHome.Daemon.Commands;

/// <summary>Where `ctl` and `console` find the daemon: the socket named by the configuration file the daemon runs on.
/// The daemon falls back to the file's backup, and without any usable file listens on the default socket; so do we.</summary>
public static class ControlSocketPath
{
    public static string Default() => Of(Program.DefaultConfigPath);

    public static string Of(string configPath) =>
        ConfigLoader.LoadFile(configPath).Config?.ControlSocket
        ?? ConfigLoader.LoadFile(configPath + ".bak").Config?.ControlSocket
        ?? new Config.Options.ControlOptions().Socket;
}
