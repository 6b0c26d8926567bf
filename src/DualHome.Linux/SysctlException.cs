namespace DualHome.Linux;

/// <summary>A sysctl file could not be read or written; <see cref="Path"/> names the file.</summary>
public sealed class SysctlException : IOException
{
    public SysctlException(string path, string action, Exception inner)
        : base($"sysctl {action} {path} failed: {inner.Message}", inner)
    {
        Path = path;
    }

    public string Path { get; }
}
