namespace DualHome.Demo;

/// <summary>Who forwards in the router: the kernel, or the daemon's AF_PACKET workers.</summary>
public sealed record DataPlaneMode(string Mode, int Workers, int RealtimePriority = 0)
{
    /// <summary>The SCHED_FIFO priority `packet:N:rt` asks for.</summary>
    public const int BenchRealtimePriority = 50;

    public bool IsPacket => Mode == "packet";

    public override string ToString() =>
        IsPacket ? $"packet, {Workers} worker{(Workers == 1 ? "" : "s")}{(RealtimePriority > 0 ? ", RT" : "")}" : Mode;

    /// <summary>`kernel`, `packet:N` or `packet:N:rt`, comma-separated (`--modes`).</summary>
    public static bool TryParseList(string text, out IReadOnlyList<DataPlaneMode> modes)
    {
        var list = new List<DataPlaneMode>();
        modes = list;
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(item, out var mode)) return false;
            list.Add(mode);
        }
        return list.Count > 0;
    }

    private static bool TryParse(string item, out DataPlaneMode mode)
    {
        mode = new DataPlaneMode("kernel", 1);
        var parts = item.Split(':');
        if (parts is ["kernel"]) return true;
        if (parts.Length is < 2 or > 3 || parts[0] != "packet" || !int.TryParse(parts[1], out var workers) || workers is < 1 or > 64)
            return false;
        if (parts.Length == 3 && parts[2] != "rt") return false;
        mode = new DataPlaneMode("packet", workers, parts.Length == 3 ? BenchRealtimePriority : 0);
        return true;
    }
}
