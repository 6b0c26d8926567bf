namespace DualHome.Linux.Netlink;

/// <summary>The rtnetlink requests go through one <see cref="NetlinkSession"/>.</summary>
public sealed partial class Rtnetlink
{
    private static int[] ExistsErrors => NetlinkSession.ExistsErrors;
    private static int[] MissingErrors => NetlinkSession.MissingErrors;

    private bool Execute(string operation, Func<uint, byte[]> build, int[] tolerated) => _session.Execute(operation, build, tolerated);

    private void Query(string operation, Func<uint, byte[]> build, NetlinkSession.ReplyHandler onReply) => _session.Query(operation, build, onReply);
}
