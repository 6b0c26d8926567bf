using System.Reflection;
using System.Runtime.InteropServices;

namespace DualHome.Daemon.Commands;

public static class VersionCommand
{
    public static string Version =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "0.0.0";

    public static int Execute(TextWriter output)
    {
        output.WriteLine($"dualhomed {Version} ({RuntimeInformation.RuntimeIdentifier}, {RuntimeInformation.OSArchitecture})");
        return 0;
    }
}
