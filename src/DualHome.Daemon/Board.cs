using DualHome.Config;
using DualHome.ControlPlane.Uplinks;
using DualHome.Hardware;
using DualHome.Hardware.Boards;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon;

/// <summary>Opens the board's LEDs and button. A profile that cannot be loaded is logged naming Board.Profile and
/// the router runs on without them: lights are not worth a dead router.</summary>
public static class Board
{
    public static BoardPanel? Open(SiteConfig config, SiteHealth health, ILoggerFactory logs, ILogger log, Action factoryReset)
    {
        try
        {
            var profile = BoardProfileLoader.Load(config.Board.Profile);
            var panel = new BoardPanel(profile, new BoardOptions(config.Board.LedClassRoot), health,
                factoryReset, TimeProvider.System, logs);
            panel.Start();
            return panel;
        }
        catch (BoardProfileException e)
        {
            DaemonLog.BoardUnusable(log, config.Board.Profile, e.Message);
            return null;
        }
    }
}
