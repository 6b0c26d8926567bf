namespace DualHome.Testbed;

/// <summary>The helper scripts embedded in this assembly (Scripts/*.py), written to a site's work directory on first use.</summary>
internal static class TestbedScripts
{
    private static readonly Lock Gate = new();

    /// <summary>The path of <paramref name="name"/> in <paramref name="directory"/>, written there if it is not yet.</summary>
    public static string Extract(string name, string directory)
    {
        var path = Path.Combine(directory, name);
        lock (Gate)
        {
            if (File.Exists(path)) return path;
            using var resource = typeof(TestbedScripts).Assembly.GetManifestResourceStream($"DualHome.Testbed.Scripts.{name}")
                                 ?? throw new TestbedException($"script {name} is not embedded in the testbed");
            using var file = File.Create(path);
            resource.CopyTo(file);
        }
        return path;
    }
}
