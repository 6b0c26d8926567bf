using DualHome.Config;

namespace DualHome.Daemon.Commands;

/// <summary>`check`: the effective configuration on stdout when valid (exit 0); each problem on stderr, naming the
/// key and the value (exit 2 when any is an error).</summary>
public static class CheckCommand
{
    public static int Execute(string path, TextWriter output, TextWriter error)
    {
        var result = ConfigLoader.LoadFile(path);
        foreach (var issue in result.Issues)
            error.WriteLine($"{path}: {issue}");
        if (!result.Ok)
        {
            error.WriteLine($"{path}: invalid configuration");
            return 2;
        }
        output.WriteLine(EffectiveConfigWriter.ToJson(result.Config!));
        return 0;
    }
}
