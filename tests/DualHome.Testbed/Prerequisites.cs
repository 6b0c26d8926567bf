namespace DualHome.Testbed;

/// <summary>What the testbed needs from the machine: root, and the tools it shells out to.</summary>
public static class Prerequisites
{
    /// <summary>The Debian package that provides each tool (`apt-get install …`).</summary>
    private static readonly (string Tool, string Package)[] Tools =
    [
        ("ip", "iproute2"), ("nft", "nftables"), ("tcpdump", "tcpdump"), ("socat", "socat"),
        ("rdisc6", "ndisc6"), ("radvd", "radvd"), ("ping", "iputils-ping"), ("sysctl", "procps"), ("stdbuf", "coreutils"),
    ];

    public const string Python = "/usr/bin/python3";

    /// <summary>Effective uid 0, read from /proc/self/status (no P/Invoke needed).</summary>
    public static bool IsRoot
    {
        get
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            var fields = line?.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            return fields is { Length: >= 3 } && fields[2] == "0";
        }
    }

    public const string RootReason = "needs root for network namespaces";

    /// <summary>Tools missing from PATH, each with the package to install.</summary>
    public static IReadOnlyList<string> Missing()
    {
        var missing = Tools.Where(t => !OnPath(t.Tool)).Select(t => $"{t.Tool} (apt-get install {t.Package})").ToList();
        if (!File.Exists(Python)) missing.Add($"{Python} (apt-get install python3-scapy)");
        return missing;
    }

    /// <summary>Throws a clear message when not root or when a tool is missing.</summary>
    public static void Ensure()
    {
        if (!IsRoot) throw new TestbedException($"the testbed {RootReason}: run as root");
        var missing = Missing();
        if (missing.Count > 0) throw new TestbedException($"testbed tools missing: {string.Join(", ", missing)}");
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/sbin")
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
