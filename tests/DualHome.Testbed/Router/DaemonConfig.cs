using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualHome.Testbed.Router;

/// <summary>
/// The dualhomed configuration the testbed writes (contract with the daemon). Paths live in the site's
/// work directory. Tests change it through an <c>Action&lt;JsonObject&gt;</c>, e.g.
/// <c>c => c["Lan"]!["Ra"]!["MaxIntervalSeconds"] = 4</c>.
/// </summary>
public static class DaemonConfig
{
    public static JsonObject Default(string workDirectory, string dataPlane = "kernel") => new()
    {
        ["DataPlane"] = new JsonObject { ["Mode"] = dataPlane },
        ["Lan"] = new JsonObject
        {
            ["Interface"] = Topology.RouterLan,
            ["Dns"] = new JsonArray(Topology.LanDns.ToString()),
            ["Ra"] = new JsonObject { ["MinIntervalSeconds"] = 3, ["MaxIntervalSeconds"] = 10 },
        },
        ["Uplinks"] = new JsonArray(Topology.Isps.Select(Uplink).ToArray<JsonNode?>()),
        ["Control"] = new JsonObject { ["Socket"] = Path.Combine(workDirectory, "dualhomed.sock") },
        ["Log"] = new JsonObject { ["Path"] = Path.Combine(workDirectory, "dualhomed.log") },
        ["State"] = new JsonObject { ["Directory"] = Path.Combine(workDirectory, "state") },
    };

    /// <summary>Issue 10: the exit router of one ISP on a shared LAN — that uplink only, peers on, and its own socket,
    /// log and state (both routers' files live in the one work directory).</summary>
    public static JsonObject ExitRouter(string workDirectory, string dataPlane, Isp isp)
    {
        var config = Default(workDirectory, dataPlane);
        string letter = Topology.Letter(isp);
        config["Uplinks"] = new JsonArray(Uplink(isp));
        config["Control"] = new JsonObject { ["Socket"] = Path.Combine(workDirectory, $"dualhomed-{letter}.sock") };
        config["Log"] = new JsonObject { ["Path"] = Path.Combine(workDirectory, $"dualhomed-{letter}.log") };
        config["State"] = new JsonObject { ["Directory"] = Path.Combine(workDirectory, $"state-{letter}") };
        config["Peers"] = new JsonObject { ["Mode"] = "auto" };
        return config;
    }

    private static JsonObject Uplink(Isp isp) => new()
    {
        ["Name"] = Topology.Letter(isp),
        ["Interface"] = Topology.RouterWan(isp),
        ["Gateway"] = Topology.IspLinkLocal.ToString(),
        ["LanPrefix"] = Topology.LanPrefix(isp).ToString(),
        ["Probe"] = new JsonObject { ["Targets"] = new JsonArray(Topology.Server.ToString()) },
    };

    public static string Serialize(JsonObject config) =>
        config.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>The values the radvd stand-in needs, read back from the same JSON.</summary>
    internal sealed record LanView(string Interface, IReadOnlyList<string> Dns, int MinInterval, int MaxInterval,
        IReadOnlyList<(string Interface, string Gateway, IPNetwork Prefix)> Uplinks);

    internal static LanView View(JsonObject c)
    {
        var lan = c["Lan"]!.AsObject();
        var ra = lan["Ra"]?.AsObject();
        return new LanView(
            (string)lan["Interface"]!,
            lan["Dns"]?.AsArray().Select(d => (string)d!).ToList() ?? [],
            (int?)ra?["MinIntervalSeconds"] ?? 3,
            (int?)ra?["MaxIntervalSeconds"] ?? 10,
            c["Uplinks"]!.AsArray().Select(u => ((string)u!["Interface"]!, (string)u["Gateway"]!,
                IPNetwork.Parse((string)u["LanPrefix"]!))).ToList());
    }
}
