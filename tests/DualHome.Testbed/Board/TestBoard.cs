using System.Text.Json.Nodes;

namespace DualHome.Testbed.Board;

/// <summary>
/// A board for the namespace testbed: a profile (board/README.md format) in the site's work directory whose three
/// LEDs — system, wan-a, wan-b — are <c>ledclass</c> LEDs in a <see cref="LedClassDirectory"/> under the work
/// directory, with the router's ports as the profile's interfaces (lan0, wana, wanb), so the wan-a LED follows
/// uplink a and wan-b uplink b. No button: <c>dualhomed ctl button …</c> drives the same actions.
/// <see cref="Configure"/> points the daemon's <c>Board</c> section at both.
/// </summary>
public sealed class TestBoard
{
    public const string SystemLed = "dh:sys";
    public const string WanALed = "dh:wan-a";
    public const string WanBLed = "dh:wan-b";

    private TestBoard(string profilePath, LedClassDirectory leds) => (ProfilePath, Leds) = (profilePath, leds);

    public string ProfilePath { get; }
    public LedClassDirectory Leds { get; }

    /// <summary>The LED of an ISP's uplink.</summary>
    public static string WanLed(Isp isp) => isp == Isp.A ? WanALed : WanBLed;

    public static TestBoard Create(Site site)
    {
        var leds = LedClassDirectory.Create(Path.Combine(site.WorkDirectory, "leds"), SystemLed, WanALed, WanBLed);
        var profile = new JsonObject
        {
            ["Name"] = "testbed",
            ["Description"] = "namespace testbed: LEDs as files in the site's work directory",
            ["Interfaces"] = new JsonObject
            {
                ["Lan"] = Topology.RouterLan, ["WanA"] = Topology.RouterWan(Isp.A), ["WanB"] = Topology.RouterWan(Isp.B),
            },
            ["Leds"] = new JsonArray(Led("system", SystemLed), Led("wan-a", WanALed), Led("wan-b", WanBLed)),
        };
        var path = Path.Combine(site.WorkDirectory, "board.json");
        File.WriteAllText(path, profile.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return new TestBoard(path, leds);
    }

    /// <summary>For <see cref="Site.StartDaemonAsync"/>: <c>"Board": { "Profile": &lt;path&gt;, "LedClassRoot": &lt;dir&gt; }</c>.</summary>
    public void Configure(JsonObject config) =>
        config["Board"] = new JsonObject { ["Profile"] = ProfilePath, ["LedClassRoot"] = Leds.Root };

    private static JsonObject Led(string role, string name) => new() { ["Role"] = role, ["Type"] = "ledclass", ["Name"] = name };
}
