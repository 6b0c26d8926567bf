namespace DualHome.Config.Tests.Lifecycle;

/// <summary>Three valid configurations that differ in one value, and the file names of the store.</summary>
internal static class StoreConfigs
{
    public const string MainPath = "/etc/dualhome/dualhome.json";
    public const string BackupPath = MainPath + ".bak";

    public static readonly string Older = SampleConfigs.Valid;
    public static readonly string Old = SampleConfigs.With("\"IntervalMs\": 100", "\"IntervalMs\": 200");
    public static readonly string New = SampleConfigs.With("\"IntervalMs\": 100", "\"IntervalMs\": 300");

    /// <summary>A file cut short, as a torn write leaves it.</summary>
    public static readonly string Torn = Old[..(Old.Length / 2)];
}
