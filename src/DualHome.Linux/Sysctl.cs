using System.Globalization;
using System.Text;

namespace DualHome.Linux;

/// <summary>
/// Reads and writes /proc/sys (proc(5), Documentation/networking/ip-sysctl.rst). /proc/sys/net shows
/// the network namespace of the calling thread, so calls inside <see cref="NetNamespace.RunIn{T}"/>
/// see that namespace.
/// </summary>
public static class Sysctl
{
    public const string Root = "/proc/sys";

    /// <summary>/proc/sys/net/ipv6/conf/IF/KEY; IF may also be "all" or "default".</summary>
    public static string Ipv6ConfPath(string interfaceName, string key)
    {
        RequireSegment(interfaceName, nameof(interfaceName));
        RequireSegment(key, nameof(key));
        return $"{Root}/net/ipv6/conf/{interfaceName}/{key}";
    }

    /// <summary>e.g. ReadIpv6Conf("wana", "accept_ra") → "2".</summary>
    public static string ReadIpv6Conf(string interfaceName, string key) => Read(Ipv6ConfPath(interfaceName, key));

    public static int ReadIpv6ConfInt32(string interfaceName, string key)
    {
        var path = Ipv6ConfPath(interfaceName, key);
        var text = Read(path);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SysctlException(path, "parse", new FormatException($"'{text}' is not an integer"));
    }

    /// <summary>e.g. WriteIpv6Conf("lan0", "forwarding", "1").</summary>
    public static void WriteIpv6Conf(string interfaceName, string key, string value) =>
        Write(Ipv6ConfPath(interfaceName, key), value);

    /// <summary>Reads a sysctl file, without the trailing newline.</summary>
    public static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path, Encoding.ASCII).TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SysctlException(path, "read", e);
        }
    }

    /// <summary>Writes a sysctl file in one write(2), as sysctl(8) does; never creates a file.</summary>
    public static void Write(string path, string value)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            stream.Write(Encoding.ASCII.GetBytes(value + "\n"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SysctlException(path, "write", e);
        }
    }

    /// <summary>One path segment: no separators, no "." or "..", so a name cannot escape /proc/sys/net.</summary>
    private static void RequireSegment(string segment, string parameterName)
    {
        if (string.IsNullOrEmpty(segment) || segment is "." or ".." || segment.Contains('/') || segment.Contains('\0'))
        {
            throw new ArgumentException($"invalid sysctl path segment '{segment}'", parameterName);
        }
    }
}
